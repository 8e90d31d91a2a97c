// The live dashboard: an overview of every community (figures, a map, members over time, kinds, the latest
// changes), a page per community and per organisation. It reads the query API once, then keeps what is on screen
// current from the stream: each change is applied from its payload and the figures arrive as stats events, so
// nothing is fetched again after a change. All ledger text is inserted with textContent, never as HTML.
(function () {
  "use strict";

  const I = window.LedgerI18n;
  const A = window.LedgerApi;
  const FEED_LIMIT = 50;
  const COMMUNITY_PAGE_SIZE = 12;
  const MEMBER_PAGE_SIZE = 50;

  const state = {
    stats: null,
    timeline: null,
    changes: [],
    communities: { q: "", page: 0, answer: null },
    community: null,
    organization: null,
    stream: null
  };

  // ---- small DOM helpers ----

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === "className") node.className = value;
      else if (name === "text") node.textContent = String(value);
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    children.flat(Infinity).forEach(child => {
      if (child === null || child === undefined) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function view() {
    return document.getElementById("view");
  }

  function link(href, content) {
    return el("a", { href }, content);
  }

  function communityLink(id, name) {
    return link("#/community/" + encodeURIComponent(id), I.dataText(name || id));
  }

  function organizationLink(id, name) {
    return link("#/organization/" + encodeURIComponent(id), I.dataText(name || id));
  }

  function facts(pairs) {
    return el("dl", { className: "facts" }, pairs.filter(pair => pair).map(([term, value]) =>
        [el("dt", { text: term }), el("dd", null, value === null || value === undefined || value === ""
            ? I.t("none") : value)]));
  }

  function message(text) {
    return el("p", { className: "message", text });
  }

  // ---- sign-in and start ----

  function renderChrome() {
    document.title = I.t("product") + " · " + I.t("title");
    document.getElementById("product").textContent = I.t("product");
    document.getElementById("subtitle").textContent = I.t("title");
    document.getElementById("nav-overview").textContent = I.t("overview");
    const language = document.getElementById("language");
    language.textContent = I.t("switchTo");
    language.lang = I.language() === "en" ? "zh-CN" : "en";
    language.setAttribute("aria-label", I.t("switchToLabel"));
    const current = A.session();
    const account = document.getElementById("account");
    account.replaceChildren();
    if (current) {
      account.append(el("span", { className: "who" }, I.t("signedInAs") + " ",
          el("strong", { text: current.token ? I.t("withToken") : current.account })),
          el("button", { type: "button", className: "link-button", onclick: signOut }, I.t("signOut")));
    }
    renderConnection(document.getElementById("connection").dataset.state || "offline");
  }

  function showSignIn(failed) {
    if (state.stream) state.stream.stop();
    state.stream = null;
    const mode = (document.querySelector("input[name=mode]:checked") || {}).value || "password";
    const form = el("form", { id: "sign-in", className: "sign-in", onsubmit: submitSignIn },
        el("h1", { text: I.t("signInTitle") }),
        el("p", { className: "hint", text: I.t("signInHint") }),
        el("fieldset", null,
            el("legend", { text: I.t("signIn") }),
            el("label", null, el("input", { type: "radio", name: "mode", value: "password",
              checked: mode === "password", onchange: () => showSignIn(false) }), " " + I.t("withPassword")),
            el("label", null, el("input", { type: "radio", name: "mode", value: "token",
              checked: mode === "token", onchange: () => showSignIn(false) }), " " + I.t("withToken"))),
        mode === "token"
            ? el("p", null, el("label", { for: "token" }, I.t("token")),
                el("textarea", { id: "token", name: "token", rows: 4, required: true, autocomplete: "off",
                  spellcheck: "false" }))
            : [el("p", null, el("label", { for: "account-name" }, I.t("account")),
                el("input", { id: "account-name", name: "account", required: true, autocomplete: "username" })),
              el("p", null, el("label", { for: "password" }, I.t("password")),
                el("input", { id: "password", name: "password", type: "password", required: true,
                  autocomplete: "current-password" }))],
        failed ? el("p", { className: "error", role: "alert", text: I.t("signInFailed") }) : null,
        el("button", { type: "submit", id: "sign-in-submit" }, I.t("signIn")));
    view().replaceChildren(form);
    renderChrome();
  }

  async function submitSignIn(event) {
    event.preventDefault();
    const form = event.target;
    const token = form.querySelector("#token");
    A.signIn(token ? { token: token.value.trim() }
        : { account: form.querySelector("#account-name").value, password: form.querySelector("#password").value });
    start(true);
  }

  function signOut() {
    A.signOut();
    renderConnection("offline");
    showSignIn(false);
  }

  /** Reads what the page shows first; refused, it asks for credentials (saying so after a failed sign-in). */
  async function start(afterSignIn) {
    renderChrome();
    try {
      const [stats, timeline, changes] = await Promise.all([A.get("/api/stats"), A.get("/api/stats/timeline"),
        A.get("/api/changes?limit=" + FEED_LIMIT)]);
      state.stats = stats;
      state.timeline = timeline;
      state.changes = changes;
    } catch (e) {
      if (e instanceof A.Unauthorized) {
        A.signOut();
        showSignIn(afterSignIn === true);
        return;
      }
      view().replaceChildren(message(I.t("loadFailed")));
      return;
    }
    await route();
    follow();
  }

  function follow() {
    if (state.stream) state.stream.stop();
    const newest = state.changes.length ? state.changes[0].position : null;
    state.stream = A.follow(newest, {
      change: applyChange,
      stats: stats => {
        state.stats = stats;
        if (onOverview()) renderFigures();
      },
      reset: () => reload(),
      unauthorized: () => { A.signOut(); showSignIn(false); }
    }, renderConnection);
  }

  async function reload() {
    const [stats, timeline, changes] = await Promise.all([A.get("/api/stats"), A.get("/api/stats/timeline"),
      A.get("/api/changes?limit=" + FEED_LIMIT)]);
    Object.assign(state, { stats, timeline, changes });
    await route();
  }

  function renderConnection(connection) {
    const badge = document.getElementById("connection");
    badge.dataset.state = connection;
    badge.textContent = I.t(connection);
  }

  // ---- routes ----

  function onOverview() {
    return !location.hash || location.hash === "#/" || location.hash === "#";
  }

  async function route() {
    const match = location.hash.match(/^#\/(community|organization)\/(.+)$/);
    document.getElementById("nav-overview").toggleAttribute("aria-current", !match);
    if (!match) {
      state.community = null;
      state.organization = null;
      return overview();
    }
    const id = decodeURIComponent(match[2]);
    return match[1] === "community" ? communityPage(id) : organizationPage(id);
  }

  // ---- overview ----

  async function overview() {
    const page = el("div", { className: "overview" },
        el("h1", { className: "visually-hidden", text: I.t("overview") }),
        el("section", { className: "figures", "aria-label": I.t("overview") }),
        el("div", { className: "columns" },
            el("section", { "aria-labelledby": "map-title", className: "panel" },
                el("h2", { id: "map-title", text: I.t("mapTitle") }),
                el("p", { className: "hint", text: I.t("mapHint") }),
                el("ol", { id: "map", className: "tile-map" }),
                el("p", { id: "map-legend", className: "legend" })),
            el("section", { "aria-labelledby": "kinds-title", className: "panel" },
                el("h2", { id: "kinds-title", text: I.t("kindsTitle") }),
                el("div", { id: "kinds-chart", className: "chart", role: "img" }))),
        el("section", { "aria-labelledby": "timeline-title", className: "panel" },
            el("h2", { id: "timeline-title", text: I.t("timelineTitle") }),
            el("div", { id: "timeline-chart", className: "chart wide", role: "img" })),
        el("div", { className: "columns" },
            el("section", { "aria-labelledby": "communities-title", className: "panel" },
                el("h2", { id: "communities-title", text: I.t("communities") }),
                searchForm("community-search", I.t("searchCommunities"), state.communities.q, q => {
                  state.communities = { q, page: 0, answer: null };
                  loadCommunities();
                }),
                el("div", { id: "communities", className: "communities" }),
                el("nav", { id: "communities-pager", className: "pager", "aria-label": I.t("communities") })),
            el("section", { "aria-labelledby": "feed-title", className: "panel" },
                el("h2", { id: "feed-title", text: I.t("latest") }),
                el("ol", { id: "feed", className: "feed", "aria-live": "polite", "aria-relevant": "additions" }))));
    view().replaceChildren(page);
    renderFigures();
    renderTimeline();
    renderFeed();
    await loadCommunities();
  }

  function searchForm(id, label, value, onSearch) {
    const input = el("input", { id, type: "search", value: value || "", maxlength: 100 });
    return el("form", { className: "search", role: "search", onsubmit: event => {
      event.preventDefault();
      onSearch(input.value.trim());
    } }, el("label", { for: id }, label), input, el("button", { type: "submit" }, I.t("search")));
  }

  function renderFigures() {
    const stats = state.stats;
    const figures = document.querySelector(".figures");
    if (!stats || !figures) return;
    const figure = (id, value, label) => el("div", { className: "figure" },
        el("span", { id, className: "value", text: I.number(value) }), el("span", { className: "label", text: label }));
    figures.replaceChildren(figure("stat-communities", stats.communities, I.t("communities")),
        figure("stat-organizations", stats.organizations, I.t("organizations")),
        figure("stat-provinces", stats.provinces, I.t("provinces")));
    renderMap(stats.byProvince || {});
    renderKinds(stats.byKind || {});
  }

  /** The tile-grid map: one focusable tile per region, shaded by its member count, named for screen readers. */
  function renderMap(byProvince) {
    const map = document.getElementById("map");
    const max = Math.max(0, ...Object.values(byProvince));
    const shade = count => count === 0 ? 0 : Math.min(5, Math.ceil(5 * count / Math.max(1, max)));
    map.replaceChildren(...I.regions().map(region => {
      const count = byProvince[region.code] || 0;
      const label = I.regionLabel(region.code) + ": " + I.number(count) + " " + I.t("membersUnit");
      const name = I.language() === "en" ? region.en : region.zh;
      return el("li", { className: "tile shade-" + shade(count), tabindex: 0, "data-code": region.code,
        "data-count": count, "aria-label": label, title: label,
        style: "grid-row:" + (region.row + 1) + ";grid-column:" + (region.col + 1) },
      el("span", { className: "tile-name", lang: I.language() === "en" ? "en" : "zh-CN", "aria-hidden": "true",
        text: name }),
      el("span", { className: "tile-count", "aria-hidden": "true", text: I.number(count) }));
    }));
    const legend = document.getElementById("map-legend");
    legend.replaceChildren(...[0, 1, 2, 3, 4, 5].map(step => el("span", { className: "swatch shade-" + step,
      text: step === 0 ? "0" : "≤ " + I.number(Math.ceil(max * step / 5)) })));
  }

  function chart(id) {
    const node = document.getElementById(id);
    if (!node || !window.echarts) return null;
    return window.echarts.getInstanceByDom(node) || window.echarts.init(node, null, { renderer: "canvas" });
  }

  const TEXT = "#1d2330";
  const FONT = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', "
      + "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

  function renderKinds(byKind) {
    const instance = chart("kinds-chart");
    if (!instance) return;
    const kinds = I.kinds().filter(kind => byKind[kind]);
    instance.setOption({
      textStyle: { fontFamily: FONT, color: TEXT },
      grid: { left: 24, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: kinds.map(I.kindName), inverse: true },
      series: [{ type: "bar", data: kinds.map(kind => byKind[kind]), itemStyle: { color: "#2f67b2" },
        label: { show: true, position: "right", color: TEXT } }],
      tooltip: { trigger: "axis" },
      animation: false
    }, true);
    document.getElementById("kinds-chart").setAttribute("aria-label", I.t("kindsTitle") + ": "
        + kinds.map(kind => I.kindName(kind) + " " + I.number(byKind[kind])).join(", "));
  }

  function renderTimeline() {
    const instance = chart("timeline-chart");
    const timeline = state.timeline;
    if (!instance || !timeline) return;
    let total = 0;
    const totals = timeline.days.map(day => (total += day.joined - day.left));
    instance.setOption({
      textStyle: { fontFamily: FONT, color: TEXT },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: TEXT } },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: timeline.days.map(day => I.date(day.day)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: I.t("joined"), type: "bar", data: timeline.days.map(day => day.joined), itemStyle: { color: "#2f67b2" } },
        { name: I.t("left"), type: "bar", data: timeline.days.map(day => day.left), itemStyle: { color: "#b3262d" } },
        { name: I.t("total"), type: "line", data: totals, itemStyle: { color: "#1d6b2c" } }
      ],
      animation: false
    }, true);
    document.getElementById("timeline-chart").setAttribute("aria-label", I.t("timelineTitle") + ": "
        + timeline.days.map(day => I.date(day.day) + " " + I.t("joined") + " " + day.joined + ", " + I.t("left")
            + " " + day.left).join("; "));
  }

  async function loadCommunities() {
    const { q, page } = state.communities;
    const answer = await A.get("/api/communities" + A.query({ q, page, size: COMMUNITY_PAGE_SIZE }));
    state.communities.answer = answer;
    answer.items.forEach(community => A.remember("community", community.communityId, community.name));
    renderCommunities();
  }

  function renderCommunities() {
    const container = document.getElementById("communities");
    const answer = state.communities.answer;
    if (!container || !answer) return;
    container.replaceChildren(...(answer.items.length ? answer.items.map(communityCard)
        : [message(I.t("nothingFound"))]));
    pager(document.getElementById("communities-pager"), answer, page => {
      state.communities.page = page;
      loadCommunities();
    });
  }

  function communityCard(community) {
    return el("article", { className: "community status-" + community.status, "data-community-id": community.communityId },
        el("h3", null, communityLink(community.communityId, community.name)),
        facts([
          [I.t("members"), el("span", { className: "member-count", text: I.number(community.memberCount) })],
          [I.t("chairUnit"), community.chairUnit ? el("span", { className: "chair-unit" },
              organizationLink(community.chairUnit.organizationId, community.chairUnit.name)) : null],
          [I.t("region"), I.dataText(community.region)],
          [I.t("status"), el("span", { className: "status", text: I.t(community.status) })]
        ]));
  }

  function pager(nav, answer, go) {
    if (!nav) return;
    const pages = Math.max(1, Math.ceil(answer.total / answer.size));
    nav.replaceChildren(
        el("button", { type: "button", disabled: answer.page === 0, onclick: () => go(answer.page - 1) }, I.t("previous")),
        el("span", { className: "page-of", text: I.t("pageOf", { page: answer.page + 1, pages, total: answer.total }) }),
        el("button", { type: "button", disabled: answer.page + 1 >= pages, onclick: () => go(answer.page + 1) },
            I.t("next")));
  }

  // ---- the feed ----

  function renderFeed() {
    const feed = document.getElementById("feed");
    if (!feed) return;
    feed.replaceChildren(...(state.changes.length ? state.changes.map(feedItem)
        : [el("li", { className: "empty", text: I.t("noChanges") })]));
  }

  function feedItem(change) {
    const what = el("p", { className: "what" });
    describe(change).then(parts => what.replaceChildren(...parts));
    return el("li", { "data-position": change.position, "data-type": change.type }, what,
        el("time", { datetime: change.appliedAt, "data-relative": "", text: I.relativeTime(change.appliedAt) }));
  }

  /** A change in plain words, names instead of ids, as a list of nodes (names keep their own language). */
  async function describe(change) {
    const event = change.event || {};
    const community = await A.communityName(change.communityId);
    const names = { community: I.dataText(community) };
    if (event.organization) {
      A.remember("organization", event.organization.organizationId, event.organization.name);
      names.organization = I.dataText(event.organization.name);
    } else if (event.organizationId || event.recipientOrganizationId) {
      names.organization = I.dataText(await A.organizationName(event.organizationId || event.recipientOrganizationId));
    }
    if (event.partyOrganizationIds) {
      const parties = await Promise.all(event.partyOrganizationIds.map(A.organizationName));
      names.parties = I.dataText(parties.join(I.t("partiesJoin")));
    }
    if (event.role) names.role = document.createTextNode(I.roleName(event.role));
    if (event.title) names.title = I.dataText(event.title);
    if (event.version) names.version = document.createTextNode(event.version);
    if (change.type === "CommunityEstablished") names.community = I.dataText(event.name);
    const template = I.t("change." + change.type);
    const parts = [];
    template.split(/(\{\w+\})/).forEach(piece => {
      const name = piece.match(/^\{(\w+)\}$/);
      if (!name) {
        if (piece) parts.push(document.createTextNode(piece));
      } else if (names[name[1]]) {
        parts.push(names[name[1]]);
      }
    });
    return parts;
  }

  // ---- live changes, applied from their payload ----

  function applyChange(change) {
    state.changes.unshift(change);
    state.changes.length = Math.min(state.changes.length, FEED_LIMIT);
    const event = change.event || {};
    if (change.type === "CommunityEstablished") A.remember("community", change.communityId, event.name);
    if (change.type === "MemberJoined") countOnDay(event.joinedOn, "joined");
    if (change.type === "MemberLeft") countOnDay(event.leftOn, "left");
    if (onOverview()) {
      const feed = document.getElementById("feed");
      if (feed) {
        feed.querySelector(".empty")?.remove();
        feed.prepend(feedItem(change));
        while (feed.children.length > FEED_LIMIT) feed.lastChild.remove();
      }
      updateCard(change);
      if (change.type === "MemberJoined" || change.type === "MemberLeft") renderTimeline();
      if (change.type === "CommunityEstablished" || change.type === "CommunityDissolved") loadCommunities();
    } else if (state.community && state.community.communityId === change.communityId) {
      communityPage(change.communityId);
    } else if (state.organization && JSON.stringify(event).includes("\"" + state.organization.organizationId + "\"")) {
      organizationPage(state.organization.organizationId);
    }
  }

  function countOnDay(day, field) {
    if (!state.timeline || !day) return;
    let entry = state.timeline.days.find(d => d.day === day);
    if (!entry) {
      entry = { day, joined: 0, left: 0 };
      state.timeline.days.push(entry);
      state.timeline.days.sort((a, b) => a.day.localeCompare(b.day));
    }
    entry[field] += 1;
  }

  /** A community's card on the overview, changed as the event says. */
  function updateCard(change) {
    const answer = state.communities.answer;
    const community = answer && answer.items.find(item => item.communityId === change.communityId);
    if (!community) return;
    const event = change.event || {};
    switch (change.type) {
      case "MemberJoined": community.memberCount += 1; break;
      case "MemberLeft":
        community.memberCount -= 1;
        if (community.chairUnit && community.chairUnit.organizationId === event.organizationId) community.chairUnit = null;
        break;
      case "MemberRoleAssigned":
        if (event.role === "CHAIR_UNIT") {
          community.chairUnit = { organizationId: event.organizationId, name: null };
          A.organizationName(event.organizationId).then(name => {
            community.chairUnit.name = name;
            renderCommunities();
          });
        }
        break;
      case "MemberRoleRevoked":
        if (event.role === "CHAIR_UNIT" && community.chairUnit
            && community.chairUnit.organizationId === event.organizationId) community.chairUnit = null;
        break;
      case "CommunityDissolved": community.status = "DISSOLVED"; break;
      default: return;
    }
    community.version = change.version;
    renderCommunities();
  }

  // ---- a community ----

  async function communityPage(id) {
    const filters = state.community && state.community.communityId === id ? state.community.filters
        : { q: "", province: "", kind: "", page: 0 };
    let community;
    let members;
    try {
      [community, members] = await Promise.all([A.get("/api/communities/" + encodeURIComponent(id)),
        A.get("/api/communities/" + encodeURIComponent(id) + "/members"
            + A.query({ ...filters, size: MEMBER_PAGE_SIZE }))]);
    } catch (e) {
      view().replaceChildren(backLink(), message(e.status === 404 ? I.t("notFound") : I.t("loadFailed")));
      return;
    }
    A.remember("community", community.communityId, community.name);
    state.community = { communityId: id, filters, community, members };
    const host = await A.organizationName(community.hostOrganizationId);
    view().replaceChildren(el("article", { className: "community-page" },
        backLink(),
        el("h1", null, I.dataText(community.name)),
        facts([
          [I.t("status"), I.t(community.status)],
          [I.t("sector"), I.dataText(community.sector)],
          [I.t("region"), I.dataText(community.region)],
          [I.t("host"), organizationLink(community.hostOrganizationId, host)],
          [I.t("venue"), I.dataText(community.venue)],
          [I.t("establishedOn"), I.date(community.establishedOn)],
          [I.t("chairUnit"), community.chairUnit
              ? organizationLink(community.chairUnit.organizationId, community.chairUnit.name) : null],
          [I.t("constitution"), community.constitutionVersion ? I.t("version") + " " + community.constitutionVersion : null],
          [I.t("members"), I.number(community.memberCount)]
        ]),
        el("section", { "aria-labelledby": "members-title", className: "panel" },
            el("h2", { id: "members-title", text: I.t("members") }),
            memberFilters(id, filters),
            memberTable(members),
            el("nav", { id: "members-pager", className: "pager", "aria-label": I.t("members") })),
        el("div", { className: "columns" },
            el("section", { "aria-labelledby": "plaques-title", className: "panel" },
                el("h2", { id: "plaques-title", text: I.t("plaques") }),
                listOrNone(community.plaques, plaque => el("li", { className: plaque.revoked ? "revoked" : null },
                    I.dataText(plaque.title, "strong"), " → ",
                    organizationLink(plaque.recipientOrganizationId, plaque.recipientName),
                    el("br"), I.t("presentedBy") + ": ", I.dataText(plaque.presentedBy), " · ", I.date(plaque.awardedOn),
                    plaque.revoked ? " · " + I.t("revoked") : null))),
            el("section", { "aria-labelledby": "agreements-title", className: "panel" },
                el("h2", { id: "agreements-title", text: I.t("agreements") }),
                listOrNone(community.agreements, agreement => el("li", null,
                    I.dataText(agreement.title, "strong"),
                    agreement.status === "TERMINATED" ? " · " + I.t("TERMINATED") : null,
                    el("br"), I.t("parties") + ": ",
                    (agreement.parties || agreement.partyOrganizationIds.map(p => ({ organizationId: p })))
                        .flatMap((party, index) => [index ? I.t("partiesJoin") : null,
                          organizationLink(party.organizationId, party.name)]),
                    el("br"), I.t("scope") + ": ", I.dataText(agreement.scope.join(I.t("partiesJoin"))),
                    " · ", I.t("signedOn") + " " + I.date(agreement.signedOn)))))));
    pager(document.getElementById("members-pager"), members, page => {
      filters.page = page;
      communityPage(id);
    });
  }

  function backLink() {
    return el("p", { className: "back" }, link("#/", "← " + I.t("back")));
  }

  function listOrNone(items, render) {
    return items.length ? el("ul", { className: "plain" }, items.map(render)) : el("p", { text: I.t("none") });
  }

  function memberFilters(id, filters) {
    const province = el("select", { id: "member-province" }, el("option", { value: "" }, I.t("allProvinces")),
        I.regions().map(region => el("option", { value: region.code, selected: filters.province === region.code },
            I.regionLabel(region.code))));
    const kind = el("select", { id: "member-kind" }, el("option", { value: "" }, I.t("allKinds")),
        I.kinds().map(k => el("option", { value: k, selected: filters.kind === k }, I.kindName(k))));
    const q = el("input", { id: "member-search", type: "search", value: filters.q, maxlength: 100 });
    return el("form", { className: "search filters", role: "search", onsubmit: event => {
      event.preventDefault();
      Object.assign(filters, { q: q.value.trim(), province: province.value, kind: kind.value, page: 0 });
      communityPage(id);
    } },
    el("label", { for: "member-search" }, I.t("searchMembers")), q,
    el("label", { for: "member-province" }, I.t("province")), province,
    el("label", { for: "member-kind" }, I.t("kind")), kind,
    el("button", { type: "submit" }, I.t("search")));
  }

  function memberTable(members) {
    if (!members.items.length) return message(I.t("nothingFound"));
    return el("div", { className: "table-scroll", tabindex: 0, role: "region", "aria-labelledby": "members-title" },
        el("table", { id: "members", className: "members" },
            el("thead", null, el("tr", null, [I.t("name"), I.t("kind"), I.t("province"), I.t("roles"),
              I.t("position"), I.t("joinedOn")].map(heading => el("th", { scope: "col", text: heading })))),
            el("tbody", null, members.items.map(member => el("tr", { "data-organization-id": member.organizationId },
                el("td", null, organizationLink(member.organizationId, member.name)),
                el("td", { text: I.kindName(member.kind) }),
                el("td", null, I.regionName(member.province)),
                el("td", { text: member.roles.map(I.roleName).join(I.t("partiesJoin")) }),
                el("td", null, member.position ? I.dataText(member.position) : ""),
                el("td", { text: I.date(member.joinedOn) }))))));
  }

  // ---- an organisation ----

  async function organizationPage(id) {
    let organization;
    try {
      organization = await A.get("/api/organizations/" + encodeURIComponent(id));
    } catch (e) {
      view().replaceChildren(backLink(), message(e.status === 404 ? I.t("notFound") : I.t("loadFailed")));
      return;
    }
    state.organization = organization;
    A.remember("organization", organization.organizationId, organization.name);
    const partyNames = await Promise.all(organization.agreements.map(agreement =>
        Promise.all(agreement.partyOrganizationIds.map(A.organizationName))));
    view().replaceChildren(el("article", { className: "organization-page" },
        backLink(),
        el("h1", null, I.dataText(organization.name)),
        facts([[I.t("kind"), I.kindName(organization.kind)], [I.t("province"), I.regionName(organization.province)]]),
        el("section", { "aria-labelledby": "memberships-title", className: "panel" },
            el("h2", { id: "memberships-title", text: I.t("memberships") }),
            listOrNone(organization.memberships, membership => el("li", null,
                communityLink(membership.communityId, membership.communityName),
                membership.roles.length ? " · " + membership.roles.map(I.roleName).join(I.t("partiesJoin")) : null,
                membership.position ? [" · ", I.dataText(membership.position)] : null,
                " · " + I.t("joinedOn") + " " + I.date(membership.joinedOn),
                membership.active ? null : " · " + I.t("leftOn") + " " + I.date(membership.leftOn)))),
        el("div", { className: "columns" },
            el("section", { "aria-labelledby": "plaques-title", className: "panel" },
                el("h2", { id: "plaques-title", text: I.t("plaques") }),
                listOrNone(organization.plaques, plaque => el("li", null, I.dataText(plaque.title, "strong"),
                    " · ", I.date(plaque.awardedOn), plaque.revoked ? " · " + I.t("revoked") : null))),
            el("section", { "aria-labelledby": "agreements-title", className: "panel" },
                el("h2", { id: "agreements-title", text: I.t("agreements") }),
                listOrNone(organization.agreements, (agreement, index) => el("li", null,
                    I.dataText(agreement.title, "strong"), el("br"), I.t("parties") + ": ",
                    agreement.partyOrganizationIds.flatMap((party, n) => [n ? I.t("partiesJoin") : null,
                      organizationLink(party, partyNames[index][n])]),
                    " · " + I.t("signedOn") + " " + I.date(agreement.signedOn)))))));
  }

  // ---- wiring ----

  document.getElementById("language").addEventListener("click", () => {
    I.setLanguage(I.language() === "en" ? "zh-CN" : "en");
    renderChrome();
    if (A.session() && state.stats) route();
    else showSignIn(false);
  });
  window.addEventListener("hashchange", () => {
    if (A.session() && state.stats) route().then(() => document.getElementById("view").focus());
  });
  window.addEventListener("resize", () => ["kinds-chart", "timeline-chart"].forEach(id => {
    const node = document.getElementById(id);
    if (node && window.echarts) window.echarts.getInstanceByDom(node)?.resize();
  }));
  setInterval(() => document.querySelectorAll("time[data-relative]").forEach(time => {
    time.textContent = I.relativeTime(time.getAttribute("datetime"));
  }), 30000);

  renderChrome();
  start(false);
})();

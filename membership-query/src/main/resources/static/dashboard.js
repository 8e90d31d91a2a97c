// The live dashboard: reads the query API, then follows /api/stream and refreshes what changed.
// All text from the ledger is inserted with textContent, never as HTML.
(function () {
  "use strict";

  const KIND_LABELS = {
    UNIVERSITY: "University 大学", VOCATIONAL_COLLEGE: "Vocational college 职业院校",
    ENTERPRISE: "Enterprise 企业", INSTITUTION: "Institution 事业单位", GOVERNMENT: "Government 政府"
  };
  const FEED_LIMIT = 50;
  let communityNames = {};
  let refreshTimer = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function getJson(path) {
    // An absolute URL from the origin: when the page was opened as http://user:password@host/, a relative URL
    // would carry those credentials and fetch() refuses such URLs. The browser answers the Basic challenge
    // with the credentials it already has for this origin.
    const response = await fetch(window.location.origin + path,
        { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) throw new Error(path + " answered " + response.status);
    return response.json();
  }

  function renderStats(stats) {
    document.getElementById("stat-communities").textContent = stats.communities;
    document.getElementById("stat-organizations").textContent = stats.organizations;
    document.getElementById("stat-provinces").textContent = stats.provinces;
    document.getElementById("stat-position").textContent = stats.position;
    renderBars("by-province", stats.byProvince, key => key);
    renderBars("by-kind", stats.byKind, key => KIND_LABELS[key] || key);
  }

  function renderBars(id, counts, label) {
    const container = document.getElementById(id);
    const max = Math.max(1, ...Object.values(counts));
    container.replaceChildren(...Object.entries(counts).map(([key, count]) => {
      const bar = el("div", "bar");
      bar.dataset.key = key;
      bar.append(el("span", "key", label(key)));
      const fill = el("span", "fill");
      fill.style.width = (100 * count / max) + "%";
      bar.append(fill, el("span", "count", count));
      return bar;
    }));
  }

  function renderCommunities(page) {
    communityNames = {};
    document.getElementById("communities").replaceChildren(...page.items.map(community => {
      communityNames[community.communityId] = community.name;
      const card = el("article", "community status-" + community.status);
      card.dataset.communityId = community.communityId;
      card.append(el("h3", null, community.name));
      const facts = el("dl");
      const fact = (term, value) => { facts.append(el("dt", null, term)); const dd = el("dd"); dd.append(value); facts.append(dd); };
      const count = el("span", "member-count", community.memberCount);
      fact("members", count);
      fact("chair unit", el("span", "chair-unit", community.chairUnit ? community.chairUnit.name : "—"));
      fact("constitution", document.createTextNode(community.constitutionVersion || "—"));
      fact("status", document.createTextNode(community.status + " · v" + community.version));
      const plaques = el("ul", "plaques");
      community.plaques.forEach(p => plaques.append(el("li", p.revoked ? "revoked" : null,
          p.title + " → " + (p.recipientName || p.recipientOrganizationId) + (p.revoked ? " (revoked)" : ""))));
      fact("plaques", community.plaques.length ? plaques : document.createTextNode("—"));
      const agreements = el("ul", "agreements");
      community.agreements.forEach(a => agreements.append(el("li", null,
          a.title + " (" + a.partyOrganizationIds.join(", ") + ")" + (a.status === "TERMINATED" ? " — terminated" : ""))));
      fact("agreements", community.agreements.length ? agreements : document.createTextNode("—"));
      card.append(facts);
      return card;
    }));
  }

  async function refresh() {
    const [stats, communities] = await Promise.all([getJson("/api/stats"), getJson("/api/communities?size=200")]);
    renderCommunities(communities);
    renderStats(stats);
  }

  function scheduleRefresh() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      refresh().catch(error => console.warn(error));
    }, 250);
  }

  function addToFeed(change) {
    const feed = document.getElementById("feed");
    const item = el("li");
    item.dataset.position = change.position;
    item.append(el("span", "position", "#" + change.position), el("span", "type", change.type),
        el("span", "where", describe(change)));
    feed.prepend(item);
    while (feed.children.length > FEED_LIMIT) feed.lastChild.remove();
  }

  function describe(change) {
    const community = communityNames[change.communityId] || change.communityId;
    const event = change.event || {};
    const who = event.organization ? event.organization.name : (event.organizationId || event.title || "");
    return (who ? who + " · " : "") + community;
  }

  function setConnection(state, text) {
    const badge = document.getElementById("connection");
    badge.dataset.state = state;
    badge.textContent = text;
  }

  function follow() {
    const stream = new EventSource("/api/stream");
    stream.addEventListener("ready", () => setConnection("live", "live"));
    stream.addEventListener("change", message => {
      setConnection("live", "live");
      addToFeed(JSON.parse(message.data));
      scheduleRefresh();
    });
    stream.addEventListener("reset", () => scheduleRefresh());
    stream.onerror = () => setConnection("offline", "reconnecting…");
  }

  refresh().catch(error => console.warn(error)).finally(follow);
})();

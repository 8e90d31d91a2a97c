// The page's words in Chinese and English, and the helpers that put the ledger's data into them. The reader's
// choice is kept in localStorage; text from the ledger keeps its own language (marked with lang on its element).
window.LedgerI18n = (function () {
  "use strict";

  const STORAGE_KEY = "community-ledger.language";
  const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

  const WORDS = {
    "zh-CN": {
      title: "产教融合共同体 · 实时看板",
      product: "社区账本",
      overview: "概览",
      switchTo: "English",
      switchToLabel: "Switch to English",
      signIn: "登录",
      signOut: "退出登录",
      signInTitle: "登录以查看共同体",
      signInHint: "使用账号和密码，或由身份提供方签发的访问令牌。凭据只保存在本标签页中。",
      account: "账号",
      password: "密码",
      token: "访问令牌（Bearer）",
      withPassword: "账号密码",
      withToken: "访问令牌",
      signInFailed: "登录失败：账号、密码或令牌不被接受。",
      signedInAs: "已登录",
      live: "实时",
      connecting: "连接中…",
      reconnecting: "连接中断，正在重连…",
      offline: "未连接",
      communities: "共同体",
      organizations: "成员单位",
      provinces: "省级行政区",
      mapTitle: "成员单位分布",
      mapHint: "颜色越深，成员单位越多；用 Tab 键逐个查看。",
      members: "成员",
      membersUnit: "家成员单位",
      timelineTitle: "成员变化（按日）",
      joined: "加入",
      left: "退出",
      total: "成员总数",
      kindsTitle: "成员单位类型",
      latest: "最新动态",
      noChanges: "暂无动态",
      search: "搜索",
      searchCommunities: "按名称搜索共同体",
      searchMembers: "按名称搜索成员",
      allProvinces: "全部地区",
      allKinds: "全部类型",
      previous: "上一页",
      next: "下一页",
      pageOf: "第 {page} / {pages} 页，共 {total} 条",
      none: "无",
      nothingFound: "没有找到",
      chairUnit: "理事长单位",
      constitution: "章程",
      version: "版本",
      status: "状态",
      ACTIVE: "运行中",
      DISSOLVED: "已解散",
      TERMINATED: "已终止",
      sector: "领域",
      region: "地区",
      host: "发起单位",
      venue: "成立地点",
      establishedOn: "成立日期",
      plaques: "授牌",
      agreements: "合作协议",
      revoked: "已撤销",
      presentedBy: "授牌人",
      parties: "签约方",
      scope: "合作内容",
      signedOn: "签署日期",
      name: "名称",
      kind: "类型",
      province: "地区",
      roles: "职务",
      position: "组织架构职务",
      joinedOn: "加入日期",
      memberships: "所在共同体",
      leftOn: "退出日期",
      back: "返回概览",
      notFound: "没有这个共同体或单位。",
      loadFailed: "读取失败，请稍后再试。",
      "change.CommunityEstablished": "{community}成立",
      "change.ConstitutionApproved": "{community}通过章程 {version}",
      "change.OrganizationalListApproved": "{community}通过组织架构名单",
      "change.MemberJoined": "{organization}加入{community}",
      "change.MemberLeft": "{organization}退出{community}",
      "change.MemberRoleAssigned": "{organization}成为{community}{role}",
      "change.MemberRoleRevoked": "{organization}不再担任{community}{role}",
      "change.PlaqueAwarded": "{organization}在{community}获授“{title}”",
      "change.PlaqueRevoked": "{community}撤销一块授牌",
      "change.CooperationAgreementSigned": "{parties}在{community}签署“{title}”",
      "change.CooperationAgreementTerminated": "{community}终止一项合作协议",
      "change.CommunityDissolved": "{community}解散",
      partiesJoin: "、"
    },
    en: {
      title: "Industry–education communities · live",
      product: "Community Ledger",
      overview: "Overview",
      switchTo: "中文",
      switchToLabel: "切换到中文",
      signIn: "Sign in",
      signOut: "Sign out",
      signInTitle: "Sign in to see the communities",
      signInHint: "With an account and password, or an access token from your identity provider. The credentials stay in this tab only.",
      account: "Account",
      password: "Password",
      token: "Access token (Bearer)",
      withPassword: "Account and password",
      withToken: "Access token",
      signInFailed: "Sign-in failed: the account, password or token was not accepted.",
      signedInAs: "Signed in as",
      live: "Live",
      connecting: "Connecting…",
      reconnecting: "Connection lost, reconnecting…",
      offline: "Offline",
      communities: "Communities",
      organizations: "Member organisations",
      provinces: "Provinces and regions",
      mapTitle: "Where the members are",
      mapHint: "The darker, the more member organisations; Tab goes through the regions.",
      members: "Members",
      membersUnit: "member organisations",
      timelineTitle: "Members over time (by day)",
      joined: "Joined",
      left: "Left",
      total: "Members in all",
      kindsTitle: "Kinds of member organisations",
      latest: "Latest changes",
      noChanges: "Nothing has happened yet",
      search: "Search",
      searchCommunities: "Find a community by name",
      searchMembers: "Find a member by name",
      allProvinces: "All regions",
      allKinds: "All kinds",
      previous: "Previous",
      next: "Next",
      pageOf: "Page {page} of {pages}, {total} in all",
      none: "None",
      nothingFound: "Nothing found",
      chairUnit: "Chair unit",
      constitution: "Constitution",
      version: "version",
      status: "Status",
      ACTIVE: "Active",
      DISSOLVED: "Dissolved",
      TERMINATED: "Terminated",
      sector: "Sector",
      region: "Region",
      host: "Host",
      venue: "Venue",
      establishedOn: "Established",
      plaques: "Plaques",
      agreements: "Cooperation agreements",
      revoked: "revoked",
      presentedBy: "Presented by",
      parties: "Parties",
      scope: "Scope",
      signedOn: "Signed",
      name: "Name",
      kind: "Kind",
      province: "Region",
      roles: "Roles",
      position: "Position",
      joinedOn: "Joined",
      memberships: "Communities",
      leftOn: "Left",
      back: "Back to the overview",
      notFound: "There is no such community or organisation.",
      loadFailed: "Could not load this; try again in a moment.",
      "change.CommunityEstablished": "{community} was established",
      "change.ConstitutionApproved": "{community} approved constitution {version}",
      "change.OrganizationalListApproved": "{community} approved its organisational list",
      "change.MemberJoined": "{organization} joined {community}",
      "change.MemberLeft": "{organization} left {community}",
      "change.MemberRoleAssigned": "{organization} became {role} of {community}",
      "change.MemberRoleRevoked": "{organization} is no longer {role} of {community}",
      "change.PlaqueAwarded": "{organization} was awarded “{title}” in {community}",
      "change.PlaqueRevoked": "A plaque was revoked in {community}",
      "change.CooperationAgreementSigned": "{parties} signed “{title}” in {community}",
      "change.CooperationAgreementTerminated": "An agreement was terminated in {community}",
      "change.CommunityDissolved": "{community} was dissolved",
      partiesJoin: ", "
    }
  };

  const KINDS = {
    UNIVERSITY: { "zh-CN": "高校", en: "University" },
    VOCATIONAL_COLLEGE: { "zh-CN": "职业院校", en: "Vocational college" },
    ENTERPRISE: { "zh-CN": "企业", en: "Enterprise" },
    INSTITUTION: { "zh-CN": "事业单位", en: "Public institution" },
    GOVERNMENT: { "zh-CN": "政府部门", en: "Government" }
  };

  const ROLES = {
    CHAIR_UNIT: { "zh-CN": "理事长单位", en: "chair unit" },
    VICE_CHAIR_UNIT: { "zh-CN": "副理事长单位", en: "vice-chair unit" },
    SECRETARIAT: { "zh-CN": "秘书处", en: "secretariat" },
    LEADING_ENTERPRISE: { "zh-CN": "牵头企业", en: "leading enterprise" }
  };

  let language = chosenLanguage();

  function chosenLanguage() {
    const kept = localStorage.getItem(STORAGE_KEY);
    if (kept === "en" || kept === "zh-CN") return kept;
    return (navigator.language || "").toLowerCase().startsWith("zh") ? "zh-CN" : "en";
  }

  function setLanguage(next) {
    language = next;
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
  }

  function t(key, params) {
    const text = WORDS[language][key] ?? WORDS.en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (all, name) => params[name] ?? "") : text;
  }

  /** An element holding ledger text, marked with the language it is written in where that differs. */
  function dataText(value, tag) {
    const node = document.createElement(tag || "span");
    node.textContent = value == null ? "" : String(value);
    if (CJK.test(node.textContent)) {
      node.lang = "zh-CN";
    } else if (language !== "en") {
      node.lang = "en";
    }
    return node;
  }

  function region(code) {
    return window.LedgerRegions.find(r => r.code === code);
  }

  /** "四川 Sichuan": both names, each marked with its language; the chosen language first. */
  function regionName(code) {
    const known = region(code);
    const fragment = document.createElement("span");
    fragment.className = "region-name";
    if (!known) {
      fragment.textContent = code || "";
      return fragment;
    }
    const zh = document.createElement("span");
    zh.lang = "zh-CN";
    zh.textContent = known.zh;
    const en = document.createElement("span");
    en.lang = "en";
    en.textContent = known.en;
    en.className = "other-language";
    if (language === "en") {
      en.className = "";
      zh.className = "other-language";
      fragment.append(en, " ", zh);
    } else {
      fragment.append(zh, " ", en);
    }
    return fragment;
  }

  function regionLabel(code) {
    const known = region(code);
    return known ? (language === "en" ? known.en + " " + known.zh : known.zh + " " + known.en) : code;
  }

  function kindName(kind) {
    return (KINDS[kind] || {})[language] || kind;
  }

  function roleName(role) {
    return (ROLES[role] || {})[language] || role;
  }

  function date(value) {
    if (!value) return "";
    return new Intl.DateTimeFormat(language, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })
        .format(new Date(value + "T00:00:00Z"));
  }

  /** "2 minutes ago", "2分钟前". */
  function relativeTime(instant, now) {
    const seconds = Math.round((new Date(instant).getTime() - (now || Date.now())) / 1000);
    const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
    const units = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60]];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
    }
    return format.format(Math.min(0, seconds), "second");
  }

  function number(value) {
    return new Intl.NumberFormat(language).format(value);
  }

  document.documentElement.lang = language;

  return {
    t, dataText, regionName, regionLabel, kindName, roleName, date, relativeTime, number, setLanguage,
    language: () => language, kinds: () => Object.keys(KINDS), regions: () => window.LedgerRegions
  };
})();

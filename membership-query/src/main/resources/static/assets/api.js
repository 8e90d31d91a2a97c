// The query API as the dashboard speaks it, over the services' shared session (assets/common/session.js): JSON
// reads, names looked up once, and the live stream read with fetch, so that it carries the same Authorization
// header and resumes with Last-Event-ID after a lost connection.
window.LedgerApi = (function () {
  "use strict";

  const S = window.LedgerSession;
  const MAX_BACKOFF_MS = 15000;
  const get = S.get;

  function query(parameters) {
    const search = new URLSearchParams();
    Object.entries(parameters).forEach(([key, value]) => {
      if (value !== null && value !== undefined && value !== "") search.set(key, value);
    });
    const text = search.toString();
    return text ? "?" + text : "";
  }

  const communityNames = new Map();
  const organizationNames = new Map();

  /** A community's name, asked once; what the page already read is remembered with {@link remember}. */
  function communityName(id) {
    if (!communityNames.has(id)) {
      communityNames.set(id, get("/api/communities/" + encodeURIComponent(id)).then(c => c.name).catch(() => id));
    }
    return communityNames.get(id);
  }

  function organizationName(id) {
    if (!organizationNames.has(id)) {
      organizationNames.set(id, get("/api/organizations/" + encodeURIComponent(id)).then(o => o.name)
          .catch(() => id));
    }
    return organizationNames.get(id);
  }

  function remember(kind, id, name) {
    if (id && name) (kind === "community" ? communityNames : organizationNames).set(id, Promise.resolve(name));
  }

  /**
   * Follows /api/stream?stats=true until stop() is called: each event goes to handlers[event name], the
   * connection's state to onState ("connecting", "live", "reconnecting"). A lost connection is opened again after
   * a growing pause, with the last event id seen, so nothing is missed or repeated.
   */
  function follow(lastEventId, handlers, onState) {
    let stopped = false;
    let controller = null;
    let backoff = 1000;

    async function connect() {
      let first = true;
      while (!stopped) {
        onState(first ? "connecting" : "reconnecting");
        first = false;
        controller = new AbortController();
        try {
          const requestHeaders = S.headers("text/event-stream");
          if (lastEventId !== null) requestHeaders["Last-Event-ID"] = String(lastEventId);
          const response = await fetch("/api/stream?stats=true",
              { headers: requestHeaders, credentials: "omit", signal: controller.signal, cache: "no-store" });
          if (response.status === 401) {
            stopped = true;
            (handlers.unauthorized || (() => {}))();
            return;
          }
          if (!response.ok) throw new Error("stream answered " + response.status);
          backoff = 1000;
          onState("live");
          await read(response.body, event => {
            if (event.id !== null) lastEventId = event.id;
            const handler = handlers[event.name];
            if (handler) handler(event.data ? JSON.parse(event.data) : null);
          });
        } catch (e) {
          if (stopped) return;
        }
        if (stopped) return;
        onState("reconnecting");
        await new Promise(resolve => setTimeout(resolve, backoff));
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }

    connect();
    return {
      stop() {
        stopped = true;
        if (controller) controller.abort();
      }
    };
  }

  /** Reads server-sent events as the WHATWG rules say: fields per line, an event per blank line. */
  async function read(body, dispatch) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let event = { name: "message", data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
        if (line === "") {
          if (event.data.length) dispatch({ name: event.name, data: event.data.join("\n"), id: event.id });
          event = { name: "message", data: [], id: null };
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? "" : line.slice(colon + 1);
        if (value.startsWith(" ")) value = value.slice(1);
        if (field === "event") event.name = value;
        else if (field === "data") event.data.push(value);
        else if (field === "id" && !value.includes("\0")) event.id = value;
      }
    }
  }

  return {
    get, query, follow, communityName, organizationName, remember,
    session: S.current, signIn: S.signIn, signOut: S.signOut, Unauthorized: S.Unauthorized
  };
})();

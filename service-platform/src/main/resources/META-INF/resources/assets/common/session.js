// How the services' own pages (the dashboard, the auditor's page) sign in and read the API: HTTP Basic or a
// bearer token, kept in sessionStorage for this tab only and never put in a URL, sent on every request.
window.LedgerSession = (function () {
  "use strict";

  const KEY = "community-ledger.session";

  class Unauthorized extends Error {
  }

  function current() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY));
    } catch (e) {
      return null;
    }
  }

  function signIn(credentials) {
    sessionStorage.setItem(KEY, JSON.stringify(credentials));
  }

  function signOut() {
    sessionStorage.removeItem(KEY);
  }

  function authorization() {
    const session = current();
    if (!session) return null;
    if (session.token) return "Bearer " + session.token;
    const bytes = new TextEncoder().encode(session.account + ":" + session.password);
    return "Basic " + btoa(String.fromCharCode(...bytes));
  }

  /**
   * The headers of every request. X-Requested-With makes the services answer a 401 without a Basic challenge, so
   * the browser never puts up its own login dialog over the page's.
   */
  function headers(accept, extra) {
    const result = Object.assign({ Accept: accept, "X-Requested-With": "XMLHttpRequest" }, extra || {});
    const credentials = authorization();
    if (credentials) result.Authorization = credentials;
    return result;
  }

  async function send(method, path, accept, body, contentType) {
    const response = await fetch(path, {
      method, body, credentials: "omit",
      headers: headers(accept, contentType ? { "Content-Type": contentType } : null)
    });
    if (response.status === 401) throw new Unauthorized(path);
    if (!response.ok) {
      const error = new Error(path + " answered " + response.status);
      error.status = response.status;
      throw error;
    }
    return response;
  }

  return {
    current, signIn, signOut, headers, Unauthorized,
    get: async path => (await send("GET", path, "application/json")).json(),
    getText: async path => (await send("GET", path, "text/plain")).text(),
    getBlob: async (path, accept) => (await send("GET", path, accept)).blob(),
    postText: async (path, text) => (await send("POST", path, "application/json", text, "text/plain")).json()
  };
})();

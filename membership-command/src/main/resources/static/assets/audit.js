// The auditor's page: the audit API the offline verifier relies on, in a browser. A kept checkpoint is checked
// twice: by the service, which hashes the log again from its content, and here, with the kept verifier key (the
// Ed25519 signature) and the RFC 9162 consistency proof to the current tree, so the answer does not rest on the
// service's word alone.
(function () {
  "use strict";

  const S = window.LedgerSession;
  const KEPT = "community-ledger.kept-checkpoint";
  const $ = id => document.getElementById(id);
  let fetched = null;

  function show(signedIn) {
    $("sign-in").hidden = signedIn;
    $("audit").hidden = !signedIn;
    const session = S.current();
    $("account").textContent = signedIn && session ? "Signed in as " + (session.token ? "token" : session.account) : "";
    if (signedIn) {
      const kept = JSON.parse(localStorage.getItem(KEPT) || "null");
      if (kept && !$("kept").value) {
        $("kept").value = kept.note;
        $("kept-key").value = kept.key;
      }
    }
  }

  async function guarded(action) {
    try {
      await action();
    } catch (e) {
      if (e instanceof S.Unauthorized) {
        S.signOut();
        show(false);
      } else {
        throw e;
      }
    }
  }

  $("sign-in").addEventListener("submit", async event => {
    event.preventDefault();
    const token = $("token").value.trim();
    S.signIn(token ? { token } : { account: $("account-name").value, password: $("password").value });
    try {
      await S.getText("/api/audit/verifier-key");
      $("sign-in-error").hidden = true;
      show(true);
    } catch (e) {
      S.signOut();
      $("sign-in-error").hidden = false;
    }
  });

  $("chain-form").addEventListener("submit", event => {
    event.preventDefault();
    guarded(async () => {
      const result = $("chain-result");
      const id = $("community-id").value.trim();
      try {
        const chain = await S.get("/api/audit/communities/" + encodeURIComponent(id) + "/verify");
        result.className = "result " + (chain.valid ? "ok" : "bad");
        result.textContent = chain.valid
            ? "Intact: " + chain.eventsChecked + " events, each linked to the one before; head hash " + chain.headHash
            : "Broken at version " + chain.firstBadVersion + ": " + chain.reason;
      } catch (e) {
        if (e instanceof S.Unauthorized) throw e;
        result.className = "result bad";
        result.textContent = e.status === 404 ? "There is no community " + id + "." : "The check failed (" + e.message + ").";
      }
    });
  });

  $("fetch-checkpoint").addEventListener("click", () => guarded(async () => {
    const [note, key] = await Promise.all([S.getText("/api/audit/checkpoint"), S.getText("/api/audit/verifier-key")]);
    fetched = { note, key: key.trim() };
    $("checkpoint").textContent = note;
    $("keep-checkpoint").disabled = false;
    const file = $("checkpoint-file");
    file.href = URL.createObjectURL(new Blob([note], { type: "text/plain" }));
    file.hidden = false;
  }));

  $("keep-checkpoint").addEventListener("click", () => {
    localStorage.setItem(KEPT, JSON.stringify(fetched));
    $("kept").value = fetched.note;
    $("kept-key").value = fetched.key;
    $("keep-checkpoint").textContent = "Kept";
  });

  $("check-checkpoint").addEventListener("click", () => guarded(async () => {
    const results = $("check-result");
    results.replaceChildren();
    const line = (ok, text) => {
      const item = document.createElement("li");
      item.className = ok ? "ok" : "bad";
      item.textContent = (ok ? "✓ " : "✗ ") + text;
      results.append(item);
      return ok;
    };
    const keptNote = $("kept").value.replace(/\r\n/g, "\n");
    const keyText = $("kept-key").value.trim();
    const server = await S.postText("/api/audit/checkpoint/verify", keptNote);
    line(server.valid, server.valid ? "The service hashed the first " + server.size + " events again: same root."
        : "The service found: " + server.problems.join("; "));
    if (!window.crypto || !crypto.subtle) {
      line(false, "This browser cannot check signatures here (it needs HTTPS or localhost); use ./ledger verify.");
      return;
    }
    const kept = parseCheckpoint(keptNote);
    const current = parseCheckpoint(await S.getText("/api/audit/checkpoint"));
    const key = parseVerifierKey(keyText);
    line(await signedBy(kept, key), "The kept checkpoint is signed by the kept verifier key.");
    line(await signedBy(current, key), "The current checkpoint (" + current.size + " events) is signed by the same key.");
    const claim = "RFC 9162: the current tree of " + current.size + " events extends the kept one of " + kept.size + ".";
    try {
      const proof = current.size > kept.size
          ? await S.get("/api/audit/proofs/consistency?from=" + kept.size + "&to=" + current.size) : { path: [] };
      line(await consistent(kept.size, current.size, kept.root, current.root, proof.path.map(fromBase64)), claim);
    } catch (e) {
      if (e instanceof S.Unauthorized) throw e;
      line(false, claim + " No proof could be had (" + e.message + ").");
    }
  }));

  $("export").addEventListener("click", () => guarded(async () => {
    const blob = await S.getBlob("/api/audit/export", "application/x-ndjson");
    const file = $("export-file");
    file.href = URL.createObjectURL(blob);
    file.textContent = "Save ledger-export.ndjson (" + Math.ceil(blob.size / 1024) + " KiB)";
    file.hidden = false;
  }));

  // ---- checkpoints, keys and proofs ----

  /** A C2SP signed note: origin, size and root, a blank line, then signature lines "— name base64". */
  function parseCheckpoint(note) {
    const split = note.indexOf("\n\n");
    const body = note.slice(0, split + 1);
    const lines = body.split("\n");
    const signatures = note.slice(split + 2).split("\n").filter(l => l.startsWith("\u2014 ")).map(l => {
      const [name, signature] = l.slice(2).split(" ");
      return { name, bytes: fromBase64(signature) };
    });
    return { body, origin: lines[0], size: Number(lines[1]), root: fromBase64(lines[2]), signatures };
  }

  /** {@code name+hexid+base64(0x01 || 32-byte Ed25519 key)}; the base64 may hold a "+" of its own. */
  function parseVerifierKey(text) {
    const first = text.indexOf("+");
    const second = text.indexOf("+", first + 1);
    return { name: text.slice(0, first), id: text.slice(first + 1, second), key: fromBase64(text.slice(second + 1)).slice(1) };
  }

  async function signedBy(checkpoint, verifier) {
    const signature = checkpoint.signatures.find(s => s.name === verifier.name
        && hex(s.bytes.slice(0, 4)) === verifier.id.toLowerCase());
    if (!signature) return false;
    try {
      const key = await crypto.subtle.importKey("raw", verifier.key, { name: "Ed25519" }, false, ["verify"]);
      return await crypto.subtle.verify({ name: "Ed25519" }, key, signature.bytes.slice(4),
          new TextEncoder().encode(checkpoint.body));
    } catch (e) {
      return false;
    }
  }

  /** RFC 9162, 2.1.4.2: whether {@code path} proves that the tree of {@code second} leaves extends the first. */
  async function consistent(first, second, firstRoot, secondRoot, path) {
    if (first === second) return path.length === 0 && equal(firstRoot, secondRoot);
    if (first === 0 || first > second || path.length === 0) return first === 0;
    const proof = (first & (first - 1)) === 0 ? [firstRoot, ...path] : path.slice();
    let fn = first - 1;
    let sn = second - 1;
    while (fn & 1) {
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    let fr = proof[0];
    let sr = proof[0];
    for (const c of proof.slice(1)) {
      if (sn === 0) return false;
      if ((fn & 1) || fn === sn) {
        fr = await node(c, fr);
        sr = await node(c, sr);
        if (!(fn & 1)) {
          while (!(fn & 1) && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        sr = await node(sr, c);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
  }

  async function node(left, right) {
    const input = new Uint8Array(1 + left.length + right.length);
    input[0] = 1;
    input.set(left, 1);
    input.set(right, 1 + left.length);
    return new Uint8Array(await crypto.subtle.digest("SHA-256", input));
  }

  function fromBase64(text) {
    return Uint8Array.from(atob(text), c => c.charCodeAt(0));
  }

  function hex(bytes) {
    return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
  }

  function equal(a, b) {
    return a.length === b.length && a.every((value, i) => value === b[i]);
  }

  show(S.current() !== null);
  // The verifier key is a few bytes behind the same role: a cheap test that the kept credentials still work.
  if (S.current()) guarded(() => S.getText("/api/audit/verifier-key"));
})();

// The console page: Scalar's API reference and client, configured so that nothing leaves this site
// unless the reader sends a request to a server of their choosing. With `pnpm run docs` the docs
// server answers `../sandboxes.json` with each provider's sandbox (a Prism mock behind
// `/sandbox/<id>`), which becomes the default server and token URL; on a static host the file is `{}`.
(async () => {
  const spec = JSON.parse(document.getElementById('console-spec').textContent);
  const { provider } = JSON.parse(document.getElementById('console-options').textContent);
  const target = document.getElementById('console-target');

  let sandbox;
  try {
    const response = await fetch('../sandboxes.json', { cache: 'no-store' });
    sandbox = (await response.json())[provider];
  } catch {
    sandbox = undefined;
  }
  if (sandbox) {
    const url = new URL(sandbox, location.href).href.replace(/\/$/, '');
    const entry = { url, description: 'Sandbox: a Prism mock of this spec, started by pnpm run docs' };
    spec.servers = [entry, ...(spec.servers ?? [])];
    for (const item of Object.values(spec.paths ?? {})) if (item.servers) item.servers = [entry, ...item.servers];
    // Token requests go to the sandbox too; the authentication guide lists the real endpoints.
    for (const scheme of Object.values(spec.components?.securitySchemes ?? {})) {
      for (const flow of Object.values(scheme.flows ?? {})) {
        for (const key of ['tokenUrl', 'refreshUrl', 'authorizationUrl']) {
          if (flow[key]) flow[key] = url + new URL(flow[key], 'https://host.invalid').pathname;
        }
      }
    }
    target.textContent = `Requests go to the sandbox (${url}) unless you choose another server in the request's address bar. The sandbox answers with the spec's examples and refuses requests the spec does not allow; any credentials work.`;
  } else {
    target.textContent =
      "No sandbox runs beside this copy of the docs (pnpm run docs starts one per provider): requests go to the server you choose in the request's address bar.";
  }

  const slug = (text) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const reference = Scalar.createApiReference(document.getElementById('console'), {
    content: spec,
    // Off: every Scalar service (fonts, telemetry, the request proxy, the agent, MCP, the toolbar).
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: 'never',
    persistAuth: false,
    documentDownloadType: 'none',
    hideDarkModeToggle: true,
    forceDarkModeState: dark.matches ? 'dark' : 'light',
    generateTagSlug: (tag) => slug(tag.name ?? ''),
    generateOperationSlug: (operation) => operation.operationId,
    onLoaded: () => openRequestedOperation(),
  });
  dark.addEventListener('change', () =>
    reference.updateConfiguration({
      ...reference.getConfiguration(),
      forceDarkModeState: dark.matches ? 'dark' : 'light',
    }),
  );

  /** The reference links here as `#tag/<tag>/<operationId>`: open that operation's request. */
  function openRequestedOperation() {
    const operationId = decodeURIComponent(location.hash).split('/')[2];
    if (!operationId) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const button = [...document.querySelectorAll('[id]')]
        .find((element) => element.id.endsWith(`/${operationId}`))
        ?.querySelector('.show-api-client-button');
      if (button || Date.now() - started > 15000) clearInterval(timer);
      button?.click();
    }, 100);
  }

  // Scalar's widgets miss a few names and states that assistive technology needs; supply them as
  // they appear (reported upstream-style: the axe test of this page names each one).
  const repair = () => {
    for (const box of document.querySelectorAll('[role="combobox"][contenteditable]')) {
      if (!box.hasAttribute('aria-expanded')) box.setAttribute('aria-expanded', 'false');
      if (!box.getAttribute('aria-label') && !box.hasAttribute('aria-labelledby')) {
        const row = box.closest('tr, label, [class*="row"]');
        const name = box.dataset.placeholder || row?.textContent?.trim() || 'Value';
        box.setAttribute('aria-label', name);
      }
    }
    for (const button of document.querySelectorAll('button[role="none"]')) button.removeAttribute('role');
    for (const button of document.querySelectorAll('button:not([aria-label]):not([aria-labelledby])')) {
      // innerText (unlike textContent) leaves out what is hidden: Scalar's copy buttons show their
      // name only on hover, so they have text but no name.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
      if (button.innerText.trim() !== '' || button.title) continue;
      const context = button.parentElement?.textContent?.trim();
      button.setAttribute(
        'aria-label',
        button.classList.contains('scalar-code-copy') ? 'Copy' : context ? `Toggle ${context}` : 'Toggle',
      );
    }
    for (const list of document.querySelectorAll('ul.endpoints:not([tabindex])')) list.tabIndex = 0;
  };
  new MutationObserver(repair).observe(document.body, { childList: true, subtree: true, attributes: false });
  repair();
})();

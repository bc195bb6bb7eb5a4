// The server's Content-Security-Policy forbids eval. zod (the forms' schemas) would probe for it when
// its first schema is built — a reported violation — unless told beforehand not to compile parsers.
// A classic script: it runs before the page's modules, so before zod reads its global config.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

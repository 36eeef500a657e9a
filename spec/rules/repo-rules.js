// Lint rules for this repository's conventions, loaded by redocly.yaml (`repo/<rule>`).
// Each rule names what is missing and where; redocly prints the file and line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const isJson = (mediaType) => /^application\/(.+\+)?json$/.test(mediaType.split(';')[0].trim());
// A `$ref`'d node is reported where it is defined; an inline one where it stands in the operation.
const resolve = (ctx, node, path) =>
  typeof node?.$ref === 'string' ? ctx.resolve(node) : { node, location: ctx.location.child(path) };
const hasExample = (media) =>
  media && (media.example !== undefined || (media.examples && Object.keys(media.examples).length > 0));

/** Every operation has at least one tag, so the docs can group it. */
function OperationTags() {
  return {
    Operation: {
      enter(operation, ctx) {
        if (!Array.isArray(operation.tags) || operation.tags.length === 0) {
          ctx.report({ message: 'Operation must have at least one tag.', location: ctx.location.key() });
        }
      },
    },
  };
}

/** An operation that needs credentials (its own `security`, or the document's) documents 401. */
function SecuredOperation401() {
  let rootSecurity = [];
  return {
    Root: {
      enter(root) {
        rootSecurity = root.security ?? [];
      },
    },
    Operation: {
      enter(operation, ctx) {
        const security = operation.security ?? rootSecurity;
        const anonymousAllowed = security.length === 0 || security.some((req) => Object.keys(req).length === 0);
        if (anonymousAllowed) return;
        if (!operation.responses || !('401' in operation.responses)) {
          ctx.report({
            message: 'Secured operation must declare a 401 response.',
            location: ctx.location.child('responses').key(),
          });
        }
      },
    },
  };
}

/** Every request body and every 2xx JSON response carries an example (`example` or `examples`). */
function MediaTypeExample() {
  const check = (content, location, report, what) => {
    for (const [mediaType, media] of Object.entries(content ?? {})) {
      if (what === '2xx JSON response' && !isJson(mediaType)) continue;
      if (!hasExample(media)) {
        report({
          message: `${what} "${mediaType}" must have an example.`,
          location: location.child(['content', mediaType]).key(),
        });
      }
    }
  };
  return {
    Operation: {
      enter(operation, ctx) {
        if (operation.requestBody) {
          const { node, location } = resolve(ctx, operation.requestBody, ['requestBody']);
          check(node?.content, location, ctx.report, 'Request body');
        }
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (!status.startsWith('2')) continue;
          const { node, location } = resolve(ctx, response, ['responses', status]);
          check(node?.content, location, ctx.report, '2xx JSON response');
        }
      },
    },
  };
}

const documented = new Set(
  readFileSync(fileURLToPath(new URL('../EXTENSIONS.md', import.meta.url)), 'utf8')
    .split('\n')
    .map((line) => /^\|\s*`(x-[a-zA-Z0-9-]+)`/.exec(line)?.[1])
    .filter(Boolean),
);

/** Every `x-` extension used in a spec is listed, with its meaning, in spec/EXTENSIONS.md. */
function XExtensionsDocumented() {
  return {
    any: {
      enter(node, ctx) {
        if (!node || typeof node !== 'object' || Array.isArray(node)) return;
        for (const key of Object.keys(node)) {
          if (key.startsWith('x-') && !documented.has(key)) {
            ctx.report({
              message: `Extension "${key}" is not listed in spec/EXTENSIONS.md.`,
              location: ctx.location.child(key).key(),
            });
          }
        }
      },
    },
  };
}

const marked = (node) => typeof node?.['x-provenance'] === 'string';

/**
 * What a description calls assumed is marked `x-provenance` where it stands: a status code an
 * operation assumes (`200 is assumed`) on that response, a media type a request body assumes on
 * that media type, a body a response assumes on each of its media types.
 */
function AssumedIsMarked() {
  const report = (ctx, location, what) =>
    ctx.report({ message: `${what} is described as assumed: mark it \`x-provenance: inferred\`.`, location });
  return {
    Operation: {
      enter(operation, ctx) {
        for (const [, status] of (operation.description ?? '').matchAll(/\b(\d{3}) is\s+assumed/g)) {
          const raw = operation.responses?.[status];
          if (!raw) continue;
          const { node, location } = resolve(ctx, raw, ['responses', status]);
          if (!marked(node)) report(ctx, location.key(), `Response ${status}`);
        }
      },
    },
    RequestBody: {
      enter(body, ctx) {
        for (const [, type] of (body.description ?? '').matchAll(/`([\w.+-]+\/[\w.+-]+)`[^.`]*?\bis assumed\b/g)) {
          if (body.content?.[type] && !marked(body.content[type]))
            report(ctx, ctx.location.child(['content', type]).key(), `Media type ${type}`);
        }
      },
    },
    Response: {
      enter(response, ctx) {
        if (
          !/\b(body|it) is (not documented and )?assumed\b|\bbody[^.]*\bassumed to be\b/.test(
            response.description ?? '',
          )
        )
          return;
        if (marked(response)) return;
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!marked(media)) report(ctx, ctx.location.child(['content', type]).key(), `The ${type} body`);
        }
      },
    },
  };
}

/**
 * `deepObject` is defined for one level of hash only: an array's `encoding` must not claim it
 * (generic tools then send `emails[0]=` or nothing). Rails brackets are `x-bracket-notation`.
 */
function NoDeepObjectArray() {
  return {
    MediaType: {
      enter(media, ctx) {
        const deep = Object.entries(media.encoding ?? {}).filter(([, encoding]) => encoding?.style === 'deepObject');
        if (deep.length === 0 || !media.schema) return;
        const seen = [];
        const collect = (raw) => {
          const schema = raw?.$ref ? ctx.resolve(raw).node : raw;
          if (!schema || seen.includes(schema)) return;
          seen.push(schema);
          for (const part of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) collect(part);
        };
        collect(media.schema);
        for (const [name] of deep) {
          const arrays = seen.some((schema) => {
            const property = schema.properties?.[name];
            const resolved = property?.$ref ? ctx.resolve(property).node : property;
            return resolved?.type === 'array' || (Array.isArray(resolved?.type) && resolved.type.includes('array'));
          });
          if (arrays)
            ctx.report({
              message: `"${name}" is an array: deepObject does not define arrays; drop the style (see x-bracket-notation).`,
              location: ctx.location.child(['encoding', name, 'style']),
            });
        }
      },
    },
  };
}

export default function repoRules() {
  return {
    id: 'repo',
    rules: {
      oas3: {
        'operation-tags': OperationTags,
        'secured-operation-401': SecuredOperation401,
        'media-type-example': MediaTypeExample,
        'x-extensions-documented': XExtensionsDocumented,
        'assumed-is-marked': AssumedIsMarked,
        'no-deep-object-array': NoDeepObjectArray,
      },
    },
  };
}

import { parseArgs } from 'node:util';
import { formatReport } from './report';
import { runConformance } from './runner';
import { checkGroups } from './checks';

export const CONFORMANCE_USAGE = `Usage: sadakat conformance --api <url> --shop <publishable key> [options]

Runs the Sadakat HTTP contract's checks against a server and prints a report.
Exit status: 0 when no check failed, 1 when one did, 2 for a usage error or an unreachable server.

Options:
  --api <url>               the API's base URL, e.g. https://loyalty.example.com
  --shop <pk_…>             a test shop's publishable key
  --secret <sk_…>           the shop's secret key (merchant routes)       [env SADAKAT_SECRET_KEY]
  --signing-secret <s>      the shop's token signing secret (signed-in,   [env SADAKAT_SIGNING_SECRET]
                            identity and redemption checks)
  --origin <origin>         an origin the shop allows, e.g. https://shop.example (CORS checks)
  --customer <id>           a customer whose points afford the cheapest reward (redemption checks
                            spend them)
  --only <group,…>          run only these groups: ${checkGroups.map((group) => group.id).join(', ')}
  --timeout <ms>            per-request timeout (default 10000)
  --json                    print the report as JSON
  -h, --help                this text

Run it against a test shop: it creates customers named conformance-<uuid> and redeems a reward.
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Colours for a terminal. @default false */
  color?: boolean;
}

/** `sadakat conformance …`: returns the exit status. */
export async function runConformanceCli(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        api: { type: 'string' },
        shop: { type: 'string' },
        secret: { type: 'string' },
        'signing-secret': { type: 'string' },
        origin: { type: 'string' },
        customer: { type: 'string' },
        only: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    io.stderr(`sadakat conformance: ${error instanceof Error ? error.message : String(error)}\n\n${CONFORMANCE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(CONFORMANCE_USAGE);
    return 0;
  }
  const problems: string[] = [];
  if (!values.api || !/^https?:\/\/[^/]/.test(values.api)) problems.push('--api must be an http(s) URL');
  if (!values.shop) problems.push('--shop (the publishable key) is required');
  const only = values.only?.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = only?.filter((id) => !checkGroups.some((group) => group.id === id)) ?? [];
  if (unknown.length) problems.push(`--only: no group named ${unknown.join(', ')}`);
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0)) problems.push('--timeout must be a positive number of milliseconds');
  if (problems.length) {
    io.stderr(`sadakat conformance: ${problems.join('; ')}\n\n${CONFORMANCE_USAGE}`);
    return 2;
  }
  const secret = values.secret ?? io.env.SADAKAT_SECRET_KEY;
  const signingSecret = values['signing-secret'] ?? io.env.SADAKAT_SIGNING_SECRET;
  const report = await runConformance({
    api: values.api!,
    shop: values.shop!,
    ...(secret ? { secret } : {}),
    ...(signingSecret ? { signingSecret } : {}),
    ...(values.origin ? { origin: values.origin } : {}),
    ...(values.customer ? { customer: values.customer } : {}),
    ...(only?.length ? { only } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, { color: io.color ?? false }));
  if (report.fatal) return 2;
  return report.ok ? 0 : 1;
}

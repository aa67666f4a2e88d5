import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBinary } from '../support/services.js';

const TERRAFORM_DIR = resolve(import.meta.dirname, '../../../../deploy/terraform');

// ---------------------------------------------------------------------------------------------
// A small reader for the HCL native syntax as these files use it: blocks (`type "label" {`),
// attributes (`name = expression`, the expression kept as text up to the end of its line at
// bracket depth 0), strings with `${...}` interpolation, heredocs and the three comment styles.
// It is not a Terraform parser; `terraform fmt` (which does parse) and the checks below keep the
// files within what it reads, and it throws on anything it does not understand.

interface Attribute {
  /** The expression as written. */
  text: string;
  /** The expression with the literal parts of strings blanked, interpolations kept: what refers. */
  code: string;
  line: number;
}

interface Block {
  type: string;
  labels: string[];
  attributes: Map<string, Attribute>;
  blocks: Block[];
  file: string;
  line: number;
}

class Reader {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {}

  readFile(): Block {
    const root: Block = {
      type: '',
      labels: [],
      attributes: new Map(),
      blocks: [],
      file: this.file,
      line: 1,
    };
    this.readBody(root, true);
    return root;
  }

  private fail(message: string): never {
    throw new Error(`${this.file}:${this.lineAt(this.pos)}: ${message}`);
  }

  private lineAt(pos: number): number {
    let line = 1;
    for (let i = 0; i < pos && i < this.src.length; i++) if (this.src[i] === '\n') line++;
    return line;
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  /** Skips spaces, comments and (when newlines is true) line breaks. */
  private skip(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
        while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
      } else if (c === '/' && this.peek(1) === '*') {
        const end = this.src.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('unterminated /* comment');
        this.pos = end + 2;
      } else return;
    }
  }

  private readIdentifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
    if (!match) this.fail(`expected an identifier, found ${JSON.stringify(this.peek())}`);
    this.pos += match[0].length;
    return match[0];
  }

  private readBody(block: Block, top: boolean): void {
    for (;;) {
      this.skip(true);
      if (this.pos >= this.src.length) {
        if (!top) this.fail(`block ${block.type} is not closed`);
        return;
      }
      if (this.peek() === '}') {
        if (top) this.fail('unexpected }');
        this.pos++;
        return;
      }
      const line = this.lineAt(this.pos);
      const name = this.readIdentifier();
      this.skip(false);
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.pos++;
        if (block.attributes.has(name)) this.fail(`attribute ${name} set twice`);
        block.attributes.set(name, { ...this.readExpression(), line });
        continue;
      }
      const labels: string[] = [];
      while (this.peek() === '"') {
        labels.push(this.readString().text.slice(1, -1));
        this.skip(false);
      }
      if (this.peek() !== '{') this.fail(`expected = or { after ${name}`);
      this.pos++;
      const child: Block = {
        type: name,
        labels,
        attributes: new Map(),
        blocks: [],
        file: this.file,
        line,
      };
      this.readBody(child, false);
      block.blocks.push(child);
    }
  }

  /** Reads up to the end of the line at bracket depth 0. */
  private readExpression(): { text: string; code: string } {
    const start = this.pos;
    let code = '';
    const closers: string[] = [];
    for (;;) {
      const c = this.peek();
      if (c === '') {
        if (closers.length) this.fail('unexpected end of file in an expression');
        break;
      }
      if (c === '\n' && closers.length === 0) break;
      if (c === '#' || (c === '/' && (this.peek(1) === '/' || this.peek(1) === '*'))) {
        this.skip(false);
        continue;
      }
      if (c === '"') {
        code += this.readString().code;
        continue;
      }
      if (c === '<' && this.peek(1) === '<' && /[-A-Z]/.test(this.peek(2))) {
        code += this.readHeredoc();
        continue;
      }
      if (c === '(' || c === '[' || c === '{') closers.push(c === '(' ? ')' : c === '[' ? ']' : '}');
      else if (c === ')' || c === ']' || c === '}') {
        if (closers.pop() !== c) this.fail(`unbalanced ${c}`);
      }
      code += c;
      this.pos++;
    }
    return { text: this.src.slice(start, this.pos).trim(), code: code.trim() };
  }

  /** A quoted string; code keeps the quotes and the interpolations, blanks the literal text. */
  private readString(): { text: string; code: string } {
    const start = this.pos;
    this.pos++;
    let code = '"';
    for (;;) {
      const c = this.peek();
      if (c === '' || c === '\n') this.fail('unterminated string');
      if (c === '\\') {
        this.pos += 2;
        code += '  ';
      } else if (c === '"') {
        this.pos++;
        code += '"';
        return { text: this.src.slice(start, this.pos), code };
      } else if ((c === '$' || c === '%') && this.peek(1) === '{') {
        code += ` ${this.readTemplateInterpolation()} `;
      } else {
        this.pos++;
        code += ' ';
      }
    }
  }

  /** `${ ... }` inside a string or heredoc: its inside, which may hold strings and braces. */
  private readTemplateInterpolation(): string {
    this.pos += 2;
    let code = '';
    let depth = 0;
    for (;;) {
      const c = this.peek();
      if (c === '') this.fail('unterminated interpolation');
      if (c === '"') {
        code += this.readString().code;
        continue;
      }
      if (c === '{') depth++;
      if (c === '}') {
        if (depth === 0) {
          this.pos++;
          return code;
        }
        depth--;
      }
      code += c;
      this.pos++;
    }
  }

  private readHeredoc(): string {
    const header = /^<<(-?)([A-Z_]+)\n/.exec(this.src.slice(this.pos));
    if (!header?.[2]) this.fail('unreadable heredoc');
    this.pos += header[0].length;
    const end = new RegExp(`^[ \\t]*${header[2]}[ \\t]*$`, 'm');
    const rest = this.src.slice(this.pos);
    const match = end.exec(rest);
    if (!match) this.fail(`heredoc ${header[2]} is not closed`);
    const body = rest.slice(0, match.index);
    this.pos += match.index + match[0].length;
    const interpolations = [...body.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1] ?? '');
    return `"${interpolations.join(' ')}"`;
  }
}

// ---------------------------------------------------------------------------------------------
// The configuration as a whole, and a few helpers to ask it questions.

interface Config {
  files: Map<string, string>;
  top: Block[];
}

function readConfig(dir: string): Config {
  const files = new Map<string, string>();
  const top: Block[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.tf'))
    .sort()) {
    const src = readFileSync(join(dir, name), 'utf8');
    files.set(name, src);
    top.push(...new Reader(src, name).readFile().blocks);
  }
  return { files, top };
}

const config = readConfig(TERRAFORM_DIR);

function blocksOf(type: string, label0?: string): Block[] {
  return config.top.filter((b) => b.type === type && (label0 === undefined || b.labels[0] === label0));
}

function resource(type: string, name: string): Block {
  const found = config.top.find((b) => b.type === 'resource' && b.labels[0] === type && b.labels[1] === name);
  if (!found) throw new Error(`resource "${type}" "${name}" is missing`);
  return found;
}

function dataSource(type: string, name: string): Block {
  const found = config.top.find((b) => b.type === 'data' && b.labels[0] === type && b.labels[1] === name);
  if (!found) throw new Error(`data "${type}" "${name}" is missing`);
  return found;
}

function where(block: Block): string {
  return `${block.file}:${block.line} ${block.type} ${block.labels.map((l) => `"${l}"`).join(' ')}`;
}

function attr(block: Block, name: string): string {
  const found = block.attributes.get(name);
  if (!found) throw new Error(`${where(block)} has no ${name}`);
  return found.text;
}

function child(block: Block, type: string): Block {
  const found = block.blocks.find((b) => b.type === type);
  if (!found) throw new Error(`${where(block)} has no ${type} block`);
  return found;
}

/** Every block under this one, depth first. */
function descendants(block: Block): Block[] {
  return block.blocks.flatMap((b) => [b, ...descendants(b)]);
}

function variable(name: string): Block {
  const found = blocksOf('variable').find((b) => b.labels[0] === name);
  if (!found) throw new Error(`variable "${name}" is missing`);
  return found;
}

function local(name: string): Attribute {
  for (const block of blocksOf('locals')) {
    const found = block.attributes.get(name);
    if (found) return found;
  }
  throw new Error(`local.${name} is missing`);
}

/**
 * The value of a literal expression (string, number, bool, list of those), following `var.x`
 * to its default and `local.x` to its definition; undefined when it is computed.
 */
function valueOf(text: string): unknown {
  const expr = text.trim();
  const ref = /^(var|local)\.([A-Za-z0-9_]+)$/.exec(expr);
  if (ref?.[1] === 'var' && ref[2]) {
    const def = variable(ref[2]).attributes.get('default');
    return def ? valueOf(def.text) : undefined;
  }
  if (ref?.[1] === 'local' && ref[2]) return valueOf(local(ref[2]).text);
  if (/^(true|false)$/.test(expr)) return expr === 'true';
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(expr)) return Number(expr);
  if (/^"[^"$]*"$/.test(expr)) return expr.slice(1, -1);
  if (/^\[.*\]$/s.test(expr)) {
    const inner = expr.slice(1, -1).trim();
    if (inner === '') return [];
    const items = inner
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const values = items.map((item) => valueOf(item));
    return values.includes(undefined) ? undefined : values;
  }
  return undefined;
}

function valueOfAttr(block: Block, name: string): unknown {
  return valueOf(attr(block, name));
}

/** Every attribute in the configuration, with the block it sits in (nested blocks included). */
function allAttributes(): { block: Block; name: string; attribute: Attribute }[] {
  return config.top.flatMap((top) =>
    [top, ...descendants(top)].flatMap((block) =>
      [...block.attributes].map(([name, attribute]) => ({ block: top, name, attribute })),
    ),
  );
}

function ingressRulesOn(securityGroup: string): Block[] {
  return blocksOf('resource').filter(
    (b) =>
      (b.labels[0] === 'aws_vpc_security_group_ingress_rule' ||
        (b.labels[0] === 'aws_security_group_rule' && valueOfAttr(b, 'type') === 'ingress')) &&
      b.attributes.get('security_group_id')?.text === `aws_security_group.${securityGroup}.id`,
  );
}

function ingressWanted(
  securityGroup: string,
  port: number,
  allowedSources: string[],
  mustHave: string[],
): void {
  const group = resource('aws_security_group', securityGroup);
  expect(
    group.blocks.filter((b) => b.type === 'ingress'),
    `${securityGroup}: no inline ingress`,
  ).toEqual([]);
  const rules = ingressRulesOn(securityGroup);
  expect(rules.length, `${securityGroup}: has ingress rules`).toBeGreaterThan(0);
  const sources = rules.map((rule) => {
    for (const cidr of ['cidr_ipv4', 'cidr_ipv6', 'cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_id']) {
      expect(rule.attributes.has(cidr), `${where(rule)} must not admit a CIDR (${cidr})`).toBe(false);
    }
    expect(valueOfAttr(rule, 'from_port'), where(rule)).toBe(port);
    expect(valueOfAttr(rule, 'to_port'), where(rule)).toBe(port);
    expect(valueOfAttr(rule, 'ip_protocol'), where(rule)).toBe('tcp');
    const source =
      rule.attributes.get('referenced_security_group_id') ?? rule.attributes.get('source_security_group_id');
    expect(source, `${where(rule)} names a source security group`).toBeDefined();
    return source?.text ?? '';
  });
  for (const source of sources) {
    expect(allowedSources.map((s) => `aws_security_group.${s}.id`)).toContain(source);
  }
  for (const source of mustHave) expect(sources).toContain(`aws_security_group.${source}.id`);
}

function runTerraform(args: string[], cwd: string, timeoutMs = 120_000) {
  const terraform = findBinary('terraform');
  if (!terraform) throw new Error('terraform not found');
  return spawnSync(terraform, args, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' },
  });
}

// ---------------------------------------------------------------------------------------------

describe('deploy/terraform', () => {
  it('is split by concern into the files the runbook names, and uses no registry modules', () => {
    for (const name of [
      'versions.tf',
      'vpc.tf',
      'eks.tf',
      'iam-irsa.tf',
      'bastion.tf',
      'rds.tf',
      'redis.tf',
      'waf.tf',
      'dns.tf',
      'efs.tf',
      'ecr.tf',
      'github-oidc.tf',
      'security-groups.tf',
      'variables.tf',
      'outputs.tf',
    ]) {
      expect(config.files.has(name), name).toBe(true);
    }
    for (const name of ['terraform.tfvars.example', 'README.md', 'iam/README.md']) {
      expect(existsSync(join(TERRAFORM_DIR, name)), name).toBe(true);
    }
    expect(blocksOf('module')).toEqual([]);
  });

  it('pins Terraform >= 1.6 and hashicorp/aws ~> 5.x', () => {
    const [terraform] = blocksOf('terraform');
    if (!terraform) throw new Error('no terraform block');
    expect(valueOfAttr(terraform, 'required_version')).toBe('>= 1.6');
    const providers = child(terraform, 'required_providers');
    const aws = attr(providers, 'aws');
    expect(aws).toMatch(/source\s*=\s*"hashicorp\/aws"/);
    expect(aws).toMatch(/version\s*=\s*"~> 5\.[0-9]+"/);
    const provider = blocksOf('provider', 'aws')[0];
    expect(provider && attr(provider, 'region')).toBe('var.region');
    expect(valueOf('var.region')).toBe('ap-northeast-2');
  });

  it('documents and types every variable, and validates the ones a typo would hurt', () => {
    const variables = blocksOf('variable');
    expect(variables.length).toBeGreaterThan(10);
    for (const v of variables) {
      const description = valueOfAttr(v, 'description');
      expect(typeof description === 'string' && description.length > 10, `${where(v)} description`).toBe(
        true,
      );
      expect(v.attributes.has('type'), `${where(v)} type`).toBe(true);
      for (const validation of v.blocks.filter((b) => b.type === 'validation')) {
        expect(attr(validation, 'condition'), where(v)).toContain(`var.${v.labels[0]}`);
        expect(valueOfAttr(validation, 'error_message'), where(v)).toEqual(expect.any(String));
      }
    }
    for (const name of [
      'region',
      'cluster_name',
      'vpc_cidr',
      'db_backup_retention_days',
      'redis_auth_token',
      'waf_rate_limit_per_5_minutes',
      'github_org',
      'github_repo',
      'domain_name',
      'cluster_endpoint_public_access_cidrs',
    ]) {
      expect(
        variable(name).blocks.some((b) => b.type === 'validation'),
        `variable ${name} validated`,
      ).toBe(true);
    }
    expect(valueOf('var.cluster_name')).toBe('karina');
    expect(attr(variable('cluster_endpoint_public_access_cidrs'), 'type')).toBe('list(string)');
  });

  it('refers only to variables, locals, resources and data sources it defines', () => {
    const variables = new Set(blocksOf('variable').map((b) => b.labels[0]));
    const locals = new Set(blocksOf('locals').flatMap((b) => [...b.attributes.keys()]));
    const resources = new Set(blocksOf('resource').map((b) => `${b.labels[0]}.${b.labels[1]}`));
    const data = new Set(blocksOf('data').map((b) => `${b.labels[0]}.${b.labels[1]}`));
    const missing: string[] = [];
    let references = 0;
    for (const { block, name, attribute } of allAttributes()) {
      const at = `${block.file}:${attribute.line} (${name})`;
      // `data.aws_x.y` first, then blank it so `aws_x.y` is not read again as a resource.
      const code = attribute.code.replace(
        /\bdata\.([a-z0-9_]+)\.([a-z0-9_]+)/g,
        (_, t: string, n: string) => {
          references++;
          if (!data.has(`${t}.${n}`)) missing.push(`${at}: data.${t}.${n}`);
          return ' ';
        },
      );
      for (const m of code.matchAll(/\bvar\.([A-Za-z0-9_]+)/g)) {
        references++;
        if (!variables.has(m[1])) missing.push(`${at}: var.${m[1]}`);
      }
      for (const m of code.matchAll(/\blocal\.([A-Za-z0-9_]+)/g)) {
        references++;
        if (!locals.has(m[1] ?? '')) missing.push(`${at}: local.${m[1]}`);
      }
      for (const m of code.matchAll(/(?<![.\w])(aws_[a-z0-9_]+)\.([a-z0-9_]+)/g)) {
        references++;
        if (!resources.has(`${m[1]}.${m[2]}`)) missing.push(`${at}: ${m[1]}.${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
    expect(references).toBeGreaterThan(100);
  });

  it('reads only files that exist (file("${path.module}/..."))', () => {
    const paths = [...config.files.values()].flatMap((src) =>
      [...src.matchAll(/file\("\$\{path\.module\}\/([^"]+)"\)/g)].map((m) => m[1] ?? ''),
    );
    expect(paths).toContain('bastion-user-data.sh');
    // A path from a variable (the downloaded controller policy) is the operator's to provide.
    for (const path of paths.filter((p) => !p.includes('${'))) {
      expect(existsSync(join(TERRAFORM_DIR, path)), path).toBe(true);
    }
  });

  it('spreads the VPC over two zones with public and private subnets and NAT', () => {
    expect(local('azs').text).toMatch(/slice\(.*, 0, 2\)/);
    for (const tier of ['public', 'private']) {
      expect(attr(resource('aws_subnet', tier), 'count')).toBe('length(local.azs)');
    }
    expect(valueOfAttr(resource('aws_subnet', 'public'), 'map_public_ip_on_launch')).toBe(false);
    expect(local('nat_gateway_count').text).toBe('var.single_nat_gateway ? 1 : length(local.azs)');
    expect(attr(resource('aws_nat_gateway', 'main'), 'count')).toBe('local.nat_gateway_count');
    expect(attr(resource('aws_route', 'private_nat'), 'nat_gateway_id')).toContain('aws_nat_gateway.main[');
  });

  it('runs EKS with IRSA and a managed node group of t3.large, 2 to 4 nodes, in the private subnets', () => {
    const cluster = resource('aws_eks_cluster', 'main');
    expect(valueOfAttr(cluster, 'name')).toBe('karina');
    const group = resource('aws_eks_node_group', 'main');
    expect(valueOfAttr(group, 'instance_types')).toEqual(['t3.large']);
    const scaling = child(group, 'scaling_config');
    expect(valueOfAttr(scaling, 'min_size')).toBe(2);
    expect(valueOfAttr(scaling, 'max_size')).toBe(4);
    expect(attr(group, 'subnet_ids')).toBe('aws_subnet.private[*].id');
    const oidc = resource('aws_iam_openid_connect_provider', 'eks');
    expect(attr(oidc, 'url')).toBe('aws_eks_cluster.main.identity[0].oidc[0].issuer');
    expect(attr(resource('aws_launch_template', 'eks_nodes'), 'vpc_security_group_ids')).toContain(
      'aws_security_group.nodes.id',
    );
  });

  it('gives the load balancer controller and the EFS CSI driver IRSA roles bound to their service accounts', () => {
    // The controller's policy is downloaded for its release before apply, never committed.
    expect(attr(resource('aws_iam_policy', 'lb_controller'), 'policy')).toContain(
      'var.lb_controller_policy_file',
    );
    expect(readFileSync(join(TERRAFORM_DIR, '.gitignore'), 'utf8')).toContain(
      'iam/aws-load-balancer-controller-policy.json',
    );
    expect(readFileSync(join(TERRAFORM_DIR, 'iam/README.md'), 'utf8')).toMatch(
      /docs\/install\/iam_policy\.json/,
    );
    const trusts: [string, string, string][] = [
      [
        'lb_controller',
        'lb_controller_trust',
        'system:serviceaccount:kube-system:aws-load-balancer-controller',
      ],
      ['efs_csi', 'efs_csi_trust', 'system:serviceaccount:kube-system:efs-csi-*'],
    ];
    for (const [role, document, subject] of trusts) {
      expect(attr(resource('aws_iam_role', role), 'assume_role_policy')).toBe(
        `data.aws_iam_policy_document.${document}.json`,
      );
      const statement = child(dataSource('aws_iam_policy_document', document), 'statement');
      expect(valueOfAttr(statement, 'actions')).toEqual(['sts:AssumeRoleWithWebIdentity']);
      expect(attr(child(statement, 'principals'), 'identifiers')).toBe(
        '[aws_iam_openid_connect_provider.eks.arn]',
      );
      const conditions = statement.blocks.filter((b) => b.type === 'condition');
      const sub = conditions.find((c) => attr(c, 'variable').endsWith(':sub"'));
      expect(sub && valueOfAttr(sub, 'values'), role).toEqual([subject]);
      const aud = conditions.find((c) => attr(c, 'variable').endsWith(':aud"'));
      expect(aud && valueOfAttr(aud, 'values'), role).toEqual(['sts.amazonaws.com']);
    }
    expect(attr(resource('aws_eks_addon', 'efs_csi'), 'service_account_role_arn')).toBe(
      'aws_iam_role.efs_csi.arn',
    );
  });

  it('reaches the bastion only through SSM: 1 to 2 instances, no key pair, no public address, no ingress', () => {
    const asg = resource('aws_autoscaling_group', 'bastion');
    expect(valueOfAttr(asg, 'min_size')).toBe(1);
    expect(valueOfAttr(asg, 'max_size')).toBe(2);
    expect(attr(child(asg, 'launch_template'), 'id')).toBe('aws_launch_template.bastion.id');
    const template = resource('aws_launch_template', 'bastion');
    expect(template.attributes.has('key_name')).toBe(false);
    const nic = child(template, 'network_interfaces');
    expect(valueOfAttr(nic, 'associate_public_ip_address')).toBe(false);
    expect(attr(nic, 'security_groups')).toBe('[aws_security_group.bastion.id]');
    expect(attr(child(template, 'iam_instance_profile'), 'arn')).toBe('aws_iam_instance_profile.bastion.arn');
    expect(attr(resource('aws_iam_instance_profile', 'bastion'), 'role')).toBe('aws_iam_role.bastion.name');
    expect(attr(resource('aws_iam_role_policy_attachment', 'bastion_ssm'), 'policy_arn')).toMatch(
      /:policy\/AmazonSSMManagedInstanceCore"$/,
    );
    expect(resource('aws_security_group', 'bastion').blocks.filter((b) => b.type === 'ingress')).toEqual([]);
    expect(ingressRulesOn('bastion').map(where)).toEqual([]);
  });

  it('opens MariaDB only to the nodes and the bastion, Redis and EFS only to the nodes, never to a CIDR', () => {
    ingressWanted('db', 3306, ['nodes', 'bastion'], ['nodes']);
    ingressWanted('redis', 6379, ['nodes'], ['nodes']);
    ingressWanted('efs', 2049, ['nodes'], ['nodes']);
    expect(attr(resource('aws_db_instance', 'main'), 'vpc_security_group_ids')).toBe(
      '[aws_security_group.db.id]',
    );
    expect(attr(resource('aws_elasticache_replication_group', 'main'), 'security_group_ids')).toBe(
      '[aws_security_group.redis.id]',
    );
  });

  it('admits 0.0.0.0/0 (or ::/0) in no ingress rule anywhere', () => {
    const open = /"(0\.0\.0\.0\/0|::\/0)"/;
    const offenders: string[] = [];
    for (const block of blocksOf('resource')) {
      const isIngressRule =
        block.labels[0] === 'aws_vpc_security_group_ingress_rule' ||
        (block.labels[0] === 'aws_security_group_rule' && valueOfAttr(block, 'type') !== 'egress');
      if (isIngressRule && [...block.attributes.values()].some((a) => open.test(a.text))) {
        offenders.push(where(block));
      }
      for (const ingress of descendants(block).filter((b) => b.type === 'ingress')) {
        if ([...ingress.attributes.values()].some((a) => open.test(a.text))) offenders.push(where(block));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('runs MariaDB 10.11 Multi-AZ, encrypted, with 7+ days of backups, deletion protection and a final snapshot', () => {
    const db = resource('aws_db_instance', 'main');
    expect(valueOfAttr(db, 'engine')).toBe('mariadb');
    expect(valueOfAttr(db, 'engine_version')).toBe('10.11');
    expect(valueOfAttr(db, 'multi_az')).toBe(true);
    expect(valueOfAttr(db, 'storage_encrypted')).toBe(true);
    expect(valueOfAttr(db, 'deletion_protection')).toBe(true);
    expect(valueOfAttr(db, 'publicly_accessible')).toBe(false);
    expect(valueOfAttr(db, 'skip_final_snapshot')).toBe(false);
    expect(db.attributes.has('final_snapshot_identifier')).toBe(true);
    expect(valueOfAttr(db, 'manage_master_user_password')).toBe(true);
    expect(db.attributes.has('password')).toBe(false);
    expect(valueOfAttr(db, 'backup_retention_period')).toBeGreaterThanOrEqual(7);
    const retention = /^var\.(\w+)$/.exec(attr(db, 'backup_retention_period'))?.[1];
    if (retention) {
      const conditions = variable(retention)
        .blocks.filter((b) => b.type === 'validation')
        .map((b) => attr(b, 'condition'));
      expect(conditions.join(' ')).toMatch(new RegExp(`var\\.${retention} >= (7|[89]|[1-9][0-9])\\b`));
    }
    expect(attr(db, 'db_subnet_group_name')).toBe('aws_db_subnet_group.main.name');
    expect(attr(resource('aws_db_subnet_group', 'main'), 'subnet_ids')).toBe('aws_subnet.private[*].id');
    expect(attr(db, 'parameter_group_name')).toBe('aws_db_parameter_group.main.name');
    expect(valueOfAttr(resource('aws_db_parameter_group', 'main'), 'family')).toBe('mariadb10.11');
  });

  it('runs Redis as two encrypted nodes across the zones with automatic failover and an AUTH token from a variable', () => {
    const redis = resource('aws_elasticache_replication_group', 'main');
    expect(valueOfAttr(redis, 'num_cache_clusters')).toBe(2);
    expect(attr(redis, 'preferred_cache_cluster_azs')).toBe('local.azs');
    expect(valueOfAttr(redis, 'automatic_failover_enabled')).toBe(true);
    expect(valueOfAttr(redis, 'multi_az_enabled')).toBe(true);
    expect(valueOfAttr(redis, 'transit_encryption_enabled')).toBe(true);
    expect(valueOfAttr(redis, 'at_rest_encryption_enabled')).toBe(true);
    const token = /^var\.(\w+)$/.exec(attr(redis, 'auth_token'))?.[1];
    expect(token).toBeDefined();
    const tokenVariable = variable(token ?? '');
    expect(valueOfAttr(tokenVariable, 'sensitive')).toBe(true);
    expect(tokenVariable.attributes.has('default')).toBe(false);
    expect(attr(resource('aws_elasticache_subnet_group', 'main'), 'subnet_ids')).toBe(
      'aws_subnet.private[*].id',
    );
  });

  it('puts both AWS managed IP lists and a per-IP rate rule over 5 minutes in a regional web ACL', () => {
    const acl = resource('aws_wafv2_web_acl', 'main');
    expect(valueOfAttr(acl, 'scope')).toBe('REGIONAL');
    const rules = acl.blocks.filter((b) => b.type === 'rule');
    const managed = rules.flatMap((rule) =>
      descendants(rule)
        .filter((b) => b.type === 'managed_rule_group_statement')
        .map((s) => [valueOfAttr(s, 'vendor_name'), valueOfAttr(s, 'name')]),
    );
    expect(managed).toEqual(
      expect.arrayContaining([
        ['AWS', 'AWSManagedRulesAnonymousIpList'],
        ['AWS', 'AWSManagedRulesAmazonIpReputationList'],
      ]),
    );
    const rateRule = rules.find((rule) => descendants(rule).some((b) => b.type === 'rate_based_statement'));
    if (!rateRule) throw new Error('no rate_based_statement');
    const rate = descendants(rateRule).find((b) => b.type === 'rate_based_statement');
    if (!rate) throw new Error('unreachable');
    expect(attr(rate, 'limit')).toMatch(/^var\./);
    expect(valueOfAttr(rate, 'limit')).toEqual(expect.any(Number));
    expect(valueOfAttr(rate, 'aggregate_key_type')).toBe('IP');
    expect(valueOfAttr(rate, 'evaluation_window_sec')).toBe(300);
    expect(child(child(rateRule, 'action'), 'block')).toBeDefined();
    const priorities = rules.map((rule) => valueOfAttr(rule, 'priority'));
    expect(new Set(priorities).size).toBe(rules.length);
  });

  it('validates the certificate through Route53 and aliases the name to the ALB once its DNS name is known', () => {
    expect(valueOfAttr(resource('aws_acm_certificate', 'main'), 'validation_method')).toBe('DNS');
    expect(attr(resource('aws_route53_record', 'certificate_validation'), 'for_each')).toContain(
      'aws_acm_certificate.main.domain_validation_options',
    );
    const alias = resource('aws_route53_record', 'app');
    expect(attr(alias, 'count')).toBe('var.alb_dns_name == "" ? 0 : 1');
    expect(attr(child(alias, 'alias'), 'name')).toBe('var.alb_dns_name');
  });

  it('keeps Prometheus data on EFS with a mount target in each private subnet', () => {
    expect(valueOfAttr(resource('aws_efs_file_system', 'monitoring'), 'encrypted')).toBe(true);
    const mount = resource('aws_efs_mount_target', 'monitoring');
    expect(attr(mount, 'count')).toBe('length(local.azs)');
    expect(attr(mount, 'subnet_id')).toBe('aws_subnet.private[count.index].id');
  });

  it('makes ECR repository karina with immutable tags, scan on push and a lifecycle policy', () => {
    const repo = resource('aws_ecr_repository', 'karina');
    expect(valueOfAttr(repo, 'name')).toBe('karina');
    expect(valueOfAttr(repo, 'image_tag_mutability')).toBe('IMMUTABLE');
    expect(valueOfAttr(child(repo, 'image_scanning_configuration'), 'scan_on_push')).toBe(true);
    expect(attr(resource('aws_ecr_lifecycle_policy', 'karina'), 'repository')).toBe(
      'aws_ecr_repository.karina.name',
    );
  });

  it("trusts the GitHub role only for this repository's main branch and lets it push only to karina", () => {
    expect(local('github_subject').text).toBe(
      '"repo:${var.github_org}/${var.github_repo}:ref:refs/heads/main"',
    );
    const provider = resource('aws_iam_openid_connect_provider', 'github');
    expect(valueOfAttr(provider, 'url')).toBe('https://token.actions.githubusercontent.com');
    const role = resource('aws_iam_role', 'github_actions');
    expect(attr(role, 'assume_role_policy')).toBe('data.aws_iam_policy_document.github_actions_trust.json');
    const statements = dataSource('aws_iam_policy_document', 'github_actions_trust').blocks.filter(
      (b) => b.type === 'statement',
    );
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    if (!statement) throw new Error('unreachable');
    expect(valueOfAttr(statement, 'actions')).toEqual(['sts:AssumeRoleWithWebIdentity']);
    expect(attr(child(statement, 'principals'), 'identifiers')).toBe('[local.github_oidc_provider_arn]');
    const conditions = statement.blocks.filter((b) => b.type === 'condition');
    const sub = conditions.filter(
      (c) => valueOfAttr(c, 'variable') === 'token.actions.githubusercontent.com:sub',
    );
    expect(sub).toHaveLength(1);
    expect(valueOfAttr(sub[0] as Block, 'test')).toBe('StringEquals');
    expect(attr(sub[0] as Block, 'values')).toBe('[local.github_subject]');
    const aud = conditions.find(
      (c) => valueOfAttr(c, 'variable') === 'token.actions.githubusercontent.com:aud',
    );
    expect(aud && valueOfAttr(aud, 'values')).toEqual(['sts.amazonaws.com']);

    const permissions = dataSource('aws_iam_policy_document', 'github_actions_ecr').blocks.filter(
      (b) => b.type === 'statement',
    );
    for (const p of permissions) {
      const resources = attr(p, 'resources');
      if (resources === '["*"]') expect(valueOfAttr(p, 'actions')).toEqual(['ecr:GetAuthorizationToken']);
      else expect(resources).toBe('[aws_ecr_repository.karina.arn]');
    }
    expect(permissions.flatMap((p) => attr(p, 'actions'))).toEqual(
      expect.arrayContaining([expect.stringContaining('"ecr:PutImage"')]),
    );
  });

  it('outputs what the manifests, the release workflow and operators need, each described', () => {
    const outputs = new Map(blocksOf('output').map((b) => [b.labels[0], b]));
    for (const name of [
      'cluster_name',
      'cluster_endpoint',
      'ecr_repository_url',
      'rds_endpoint',
      'redis_primary_endpoint',
      'certificate_arn',
      'waf_web_acl_arn',
      'efs_file_system_id',
      'lb_controller_role_arn',
      'efs_csi_role_arn',
      'github_actions_role_arn',
      'vpc_cidr',
    ]) {
      const output = outputs.get(name);
      expect(output, `output ${name}`).toBeDefined();
      expect(valueOfAttr(output as Block, 'description'), `output ${name}`).toEqual(expect.any(String));
    }
  });

  it('commits no secret value: the example tfvars holds no token and sets no password', () => {
    const example = readFileSync(join(TERRAFORM_DIR, 'terraform.tfvars.example'), 'utf8');
    expect(example).not.toMatch(/^\s*(redis_auth_token|[a-z_]*password[a-z_]*)\s*=/m);
    const tf = [...config.files.values()].join('\n');
    expect(tf).not.toMatch(/\b(password|auth_token|secret_key|access_key)\s*=\s*"[^"$]+"/);
  });

  // Terraform is no Debian package, so .ci/run cannot install it: without it, skipped loudly.
  it('is formatted as terraform fmt writes it', (ctx) => {
    if (!findBinary('terraform')) {
      console.warn('SKIPPED: terraform fmt -check — terraform is not installed');
      ctx.skip();
    }
    const fmt = runTerraform(['fmt', '-check', '-recursive', '-diff', TERRAFORM_DIR], TERRAFORM_DIR);
    expect(fmt.stdout + fmt.stderr).not.toMatch(/Error/);
    expect(fmt.status, fmt.stdout + fmt.stderr).toBe(0);
  });

  it('validates with terraform validate where the provider can be installed', (ctx) => {
    if (!findBinary('terraform')) {
      console.warn('SKIPPED: terraform validate — terraform is not installed');
      ctx.skip();
    }
    const work = mkdtempSync(join(tmpdir(), 'karina-terraform-'));
    try {
      cpSync(TERRAFORM_DIR, work, {
        recursive: true,
        filter: (src) => !src.includes(`${TERRAFORM_DIR}/.terraform`),
      });
      const init = runTerraform(['init', '-backend=false', '-input=false', '-no-color'], work, 90_000);
      if (init.status !== 0) {
        // The provider comes from the provider registry, which this project's machines cannot
        // reach; there the static checks above stand in for validate.
        console.warn(
          `SKIPPED: terraform validate — terraform init could not install the AWS provider:\n${(init.stderr || init.stdout).trim()}`,
        );
        ctx.skip();
      }
      const validate = runTerraform(['validate', '-no-color'], work);
      expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

// A local stand-in for the robots' webhooks on 127.0.0.1: 企业微信 (/cgi-bin/webhook/send?key=…) and
// 钉钉 (/robot/send?access_token=…, 加签 verified as DingTalk does). Each robot answers from a script
// (ok, an error, rate limited, or no answer at all) and every request is recorded.
import { createHmac } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer = 'ok' | 'http500' | 'errcode' | 'rate' | 'hang';

export interface RobotMessage {
  robot: 'wecom' | 'dingtalk';
  /** The robot's key (企业微信) or access_token (钉钉). */
  id: string;
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
  /** The markdown as shown (content or text). */
  text: string;
  answer: Answer | 'badsign';
}

export interface FakeRobot {
  url: string;
  wecom(key: string): string;
  dingtalk(token: string, secret?: string): string;
  /** The answers a robot gives to its next requests, in order (then 'ok'). */
  script(id: string, ...answers: Answer[]): void;
  /** Messages a robot took (answered ok). */
  taken(id?: string): RobotMessage[];
  requests: RobotMessage[];
  /** Resolves once `n` requests in all have arrived. */
  arrived(n: number): Promise<void>;
  /** Answers every hanging request (as ok). */
  release(): void;
  close(): Promise<void>;
}

export async function startFakeRobot(): Promise<FakeRobot> {
  const scripts = new Map<string, Answer[]>();
  const secrets = new Map<string, string>();
  const requests: RobotMessage[] = [];
  const hanging: ServerResponse[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url!, 'http://robot');
      const robot = u.pathname === '/cgi-bin/webhook/send' ? 'wecom' : u.pathname === '/robot/send' ? 'dingtalk' : null;
      if (!robot || req.method !== 'POST') return reply(res, 404, { errcode: 404, errmsg: 'not found' });
      const id = (robot === 'wecom' ? u.searchParams.get('key') : u.searchParams.get('access_token')) ?? '';
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      let answer: RobotMessage['answer'] = scripts.get(id)?.shift() ?? 'ok';
      const secret = secrets.get(id);
      if (robot === 'dingtalk' && secret) {
        // As DingTalk checks it: the timestamp within an hour, and sign = base64(HMAC-SHA256(secret, ts + "\n" + secret)).
        const ts = Number(u.searchParams.get('timestamp'));
        const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
        if (Math.abs(Date.now() - ts) > 3_600_000 || u.searchParams.get('sign') !== expected) answer = 'badsign';
      }
      const text = body?.markdown?.content ?? body?.markdown?.text ?? '';
      requests.push({ robot, id, body, text, answer });
      for (const w of [...waiters]) {
        if (requests.length < w.n) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      switch (answer) {
        case 'ok': return reply(res, 200, { errcode: 0, errmsg: 'ok' });
        case 'http500': return reply(res, 500, { message: 'internal error' });
        case 'errcode': return reply(res, 200, { errcode: 93000, errmsg: 'invalid webhook url' });
        case 'rate': return reply(res, 200, robot === 'wecom' ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 130101, errmsg: 'send too fast' });
        case 'badsign': return reply(res, 200, { errcode: 310000, errmsg: 'sign not match' });
        case 'hang': hanging.push(res); return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    wecom: (key) => `${url}/cgi-bin/webhook/send?key=${key}`,
    dingtalk(token, secret) {
      if (secret) secrets.set(token, secret);
      return `${url}/robot/send?access_token=${token}`;
    },
    script: (id, ...answers) => void scripts.set(id, answers),
    taken: (id) => requests.filter((r) => r.answer === 'ok' && (id === undefined || r.id === id)),
    requests,
    arrived: (n) => (requests.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    release() {
      for (const res of hanging.splice(0)) if (!res.destroyed) reply(res, 200, { errcode: 0, errmsg: 'ok' });
    },
    async close() {
      for (const res of hanging.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

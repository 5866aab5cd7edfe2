import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type Dovecot = {
  host: string;
  port: number;
  dir: string;
  addUser: (user: string, password: string) => Promise<void>;
  stop: () => Promise<void>;
};

const BIN = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    c.once('data', (d) => {
      c.destroy();
      resolve(d.toString().startsWith('* OK'));
    });
    c.once('error', () => resolve(false));
    c.setTimeout(1000, () => {
      c.destroy();
      resolve(false);
    });
  });
}

/**
 * A real IMAP server for tests: Debian's dovecot-imapd, started from a temporary config as the
 * current user (no system config, no privileged port), users in a passwd-file, maildirs in the
 * temp folder. `.ci/run` installs the package when it is missing.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-dovecot-'));
  const port = await freePort();
  const me = os.userInfo();
  const group =
    (await fs.readFile('/etc/group', 'utf8'))
      .split('\n')
      .find((l) => l.split(':')[2] === String(me.gid))
      ?.split(':')[0] ?? me.username;
  // Unprivileged, everything runs as the current user. Started as root (containers), dovecot
  // refuses root login processes: they run as its own system users and own the mail folder.
  const root = me.uid === 0;
  const passwd = root ? (await fs.readFile('/etc/passwd', 'utf8')).split('\n').map((l) => l.split(':')) : [];
  const dv = passwd.find((p) => p[0] === 'dovecot');
  const mailUid = root && dv ? Number(dv[2]) : me.uid;
  const mailGid = root && dv ? Number(dv[3]) : me.gid;
  const login = root
    ? { login: 'dovenull', internal: 'dovecot', group: 'dovecot' }
    : { login: me.username, internal: me.username, group };
  await fs.mkdir(path.join(dir, 'run'), { recursive: true });
  await fs.writeFile(path.join(dir, 'passwd'), '');
  await fs.mkdir(path.join(dir, 'home'), { recursive: true });
  const conf = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${login.login}
default_internal_user = ${login.internal}
default_internal_group = ${login.group}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = 0
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
  await fs.writeFile(path.join(dir, 'dovecot.conf'), conf);
  if (root) {
    await fs.chmod(dir, 0o755);
    await fs.chown(path.join(dir, 'home'), mailUid, mailGid);
  }
  const child: ChildProcess = spawn(BIN, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const end = Date.now() + 15000;
  while (!(await answers(port))) {
    if (Date.now() > end || child.exitCode !== null) {
      const log = await fs.readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '');
      child.kill('SIGKILL');
      throw new Error(`dovecot did not start: ${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    dir,
    addUser: async (user, password) => fs.appendFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`),
    stop: async () => {
      const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer); // a pending 5 s timer kept the jest worker from exiting
      if (child.exitCode === null) child.kill('SIGKILL');
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** What `npm start` prints when the server cannot listen, instead of a stack trace; undefined for other errors. */
export function listenErrorMessage(e: unknown, host: string, port: number): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const message = e instanceof Error ? e.message : String(e);
  const other = port === 65535 ? 4174 : port + 1;
  // Vite reports a busy strict port as a plain Error("Port N is already in use") without a code.
  if (code === 'EADDRINUSE' || /already in use/i.test(message)) {
    return `Port ${port} on ${host} is busy (another wt workbench or another program is using it).\nStop that program, or choose another port: WT_PORT=${other} npm start`;
  }
  if (code === 'EACCES') return `Port ${port} on ${host} needs privileges this user does not have: choose a port above 1023, e.g. WT_PORT=${other < 1024 ? 4174 : other} npm start`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `Cannot listen on ${host}: it is not an address of this machine. Unset WT_HOST or give one of this machine's addresses.`;
  return undefined;
}

/** The port from WT_PORT (default 4173), or a message saying what is wrong with it. */
export function portFromEnv(value: string | undefined): { port: number } | { error: string } {
  if (value === undefined || value === '') return { port: 4173 };
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: `WT_PORT must be a port number from 1 to 65535, not "${value}".` };
  return { port };
}

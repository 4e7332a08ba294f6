// Local endpoints for notify tests: an HTTP receiver that records every request and can answer
// 500 or never answer, and an SMTP server (smtp-server) that records every message.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { SMTPServer } from "smtp-server";

export interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  json: any;
}

/** What the nth request (0-based) gets: "ok" (204), a status code, or "hang" (no answer). */
export type Behaviour = (n: number) => "ok" | number | "hang";

export interface Receiver {
  url: string;
  requests: Received[];
  /** Every request that reached the server, answered or not. */
  attempts: number;
  close(): Promise<void>;
}

export async function httpReceiver(behaviour: Behaviour = () => "ok"): Promise<Receiver> {
  const requests: Received[] = [];
  const hanging: ServerResponse[] = [];
  const state = { attempts: 0 };
  const server: Server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8").on("data", (d) => (body += d));
    request.on("end", () => {
      const answer = behaviour(state.attempts++);
      if (answer === "hang") {
        hanging.push(response);
        return;
      }
      if (answer !== "ok") {
        response.writeHead(answer, { "content-type": "text/plain" }).end("receiver failure");
        return;
      }
      requests.push({ headers: request.headers, body, json: JSON.parse(body) });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    requests,
    get attempts() {
      return state.attempts;
    },
    close: () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface SmtpReceiver {
  url: string;
  messages: { from: string; to: string[]; raw: string }[];
  close(): Promise<void>;
}

export async function smtpReceiver(): Promise<SmtpReceiver> {
  const messages: SmtpReceiver["messages"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8").on("data", (d: string) => (raw += d));
      stream.on("end", () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${address.port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

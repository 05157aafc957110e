const REPLY = Symbol.for("migrate-api.reply");
class Reply {
  constructor(status, body, headers) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
  [REPLY] = true;
}
function reply(status, body, headers) {
  return new Reply(status, body, headers);
}
function isReply(value) {
  return typeof value === "object" && value !== null && value[REPLY] === true;
}
export {
  Reply,
  isReply,
  reply
};

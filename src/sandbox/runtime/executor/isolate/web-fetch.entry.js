// Second part of the web globals: Blob/File and a FileReader first, so that
// the fetch classes see them when they detect what the environment supports.
import { Blob, File } from "blob-polyfill";
import { FileReader } from "./file-reader.js";
globalThis.Blob = Blob;
globalThis.File = File;
globalThis.FileReader = FileReader;
const fetchClasses = require("whatwg-fetch");
globalThis.Headers = fetchClasses.Headers;
globalThis.Request = fetchClasses.Request;
globalThis.Response = fetchClasses.Response;

// The polyfill predates the static `Response.json` and requires a status for
// `Response.redirect`; both follow the Fetch standard here.
const redirect = fetchClasses.Response.redirect;
globalThis.Response.redirect = function (url, status) {
  return redirect(String(url), status === undefined ? 302 : status);
};
globalThis.Response.json = function (data, init) {
  const body = JSON.stringify(data);
  if (body === undefined) throw new TypeError("Failed to execute 'json' on 'Response': The data is not JSON serializable");
  const headers = new fetchClasses.Headers(init && init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return new fetchClasses.Response(body, {
    status: init && init.status !== undefined ? init.status : 200,
    statusText: init && init.statusText !== undefined ? init.statusText : "",
    headers,
  });
};

// The Fetch standard gives a body read as a Blob the message's Content-Type
// (so `ctx.storage.store(await request.blob())` keeps it); the polyfill leaves
// the type empty unless the body was a typed Blob already.
for (const Class of [fetchClasses.Request, fetchClasses.Response]) {
  const blob = Class.prototype.blob;
  Class.prototype.blob = function () {
    const contentType = this.headers.get("content-type");
    return blob.call(this).then((body) => (body.type || !contentType ? body : new Blob([body], { type: contentType })));
  };
}

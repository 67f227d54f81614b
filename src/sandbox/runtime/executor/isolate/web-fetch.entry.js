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

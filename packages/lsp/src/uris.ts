/**
 * File paths ↔ URIs.  The service works with paths; the client names documents by URI, and its
 * spelling of a URI (e.g. VS Code's encoded drive letters) is kept for the files it opened, so the
 * diagnostics and edits the server sends name them the same way.
 */
import { fileURLToPath, pathToFileURL } from "node:url";

/** URI → file path (file: URIs become paths; other schemes are used as they are). */
export function uriToPath(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

/** True for a path on a file system (not e.g. `untitled:Untitled-1`). */
export function isFilePath(p: string): boolean {
  return p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p);
}

/** The client's URIs of the files it opened; any other path gets a file: URI of its own. */
export class ClientUris {
  private readonly byPath = new Map<string, string>();

  /** Notes the URI the client uses for a document. */
  remember(uri: string): string {
    const path = uriToPath(uri);
    this.byPath.set(path, uri);
    return path;
  }

  /** The URI for a path (the client's own spelling when it opened the file). */
  uriOf(path: string): string {
    return this.byPath.get(path) ?? (isFilePath(path) ? pathToFileURL(path).href : path);
  }

  /** Forgets the URIs of the paths no longer needed (closed, with nothing shown for them). */
  prune(needed: (path: string) => boolean): void {
    for (const p of this.byPath.keys()) if (!needed(p)) this.byPath.delete(p);
  }
}

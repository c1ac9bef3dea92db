/**
 * The custom requests the VS Code commands send (any client may): 「编译」 (`kp/compile`), 「计分」 (`kp/score`),
 * the units of a facts file, 「解释」 (`kp/explain`), the catalogue's summary and its facts schema.  Each answers from
 * the project's checked catalogue; places in an answer go out as LSP locations for the client to open.
 */
import type { Diagnostic as KpDiagnostic, Span } from "@kaoping/core";
import type { CancellationToken, Connection, Location, ResponseError } from "vscode-languageserver/node";
import type { FactsMonitor } from "./facts-monitor.js";
import { compileTo, explain, score, unitsOf } from "./service/commands.js";
import { formatPoints } from "./service/describe.js";
import type { ResultPlaces } from "./service/places.js";
import type { CatalogueState, Project } from "./service/project.js";
import { uriToPath } from "./uris.js";

/**
 * Where the rules, indicators and sections named in a `kp/score` / `kp/explain` answer are written
 * (rules by name, indicators and sections by id), as LSP locations: the name inside its 「」.
 */
export interface LocatedPlaces {
  rules: Record<string, Location>;
  indicators: Record<string, Location>;
}

/** Custom requests (used by the VS Code commands; any client may send them). */
export const KpRequests = {
  compile: "kp/compile",
  score: "kp/score",
  units: "kp/units",
  explain: "kp/explain",
  catalogue: "kp/catalogue",
  factsSchema: "kp/factsSchema",
} as const;

/** The server's handler wrapper (server.ts): cancellation and exceptions answered, never thrown. */
export type Guard = <P, R>(name: string, empty: R, fn: (params: P, token: CancellationToken | undefined) => R | Promise<R>) => (params: P, token?: CancellationToken) => Promise<R | ResponseError<void>>;

/** What the requests need from the server. */
export interface RequestContext {
  connection: Connection;
  project: Project;
  facts: FactsMonitor;
  guard: Guard;
  pathToUri(p: string): string;
  toLocation(l: { file: string; span: Span }): Location;
}

/** Registers the custom requests on the connection. */
export function registerCommandRequests({ connection, project, facts, guard, pathToUri, toLocation }: RequestContext): void {
  const stateFor = (uri: string): CatalogueState | undefined => {
    const p = uriToPath(uri);
    return project.load(p) ? project.catalogueOf(p, { lint: false }) : undefined;
  };
  const noFile = (uri: string) => ({ ok: false as const, message: `无法读取「${uriToPath(uri)}」`, details: [] });
  /** A command's places ({file, span}) as LSP locations ({uri, range}), for the client to open. */
  const withLocations = <T extends object>(r: T): T | (Omit<T, "places"> & { places: LocatedPlaces }) => {
    if (!("places" in r)) return r;
    const places = r.places as ResultPlaces;
    const located = (m: Record<string, { file: string; span: Span }>): Record<string, Location> =>
      Object.fromEntries(Object.entries(m).map(([k, p]) => [k, toLocation(p)]));
    return { ...r, places: { rules: located(places.rules), indicators: located(places.indicators) } };
  };
  connection.onRequest(
    KpRequests.catalogue,
    guard("kp/catalogue", null, (params: { uri: string }) => {
      const s = stateFor(params.uri);
      if (!s) return null;
      const cat = s.analysis.catalogue;
      const points = cat.declaredTotal ?? cat.indicators.reduce((n, i) => n + i.points, 0);
      const count = (sev: KpDiagnostic["severity"]) => s.diagnostics.filter((d) => d.severity === sev).length;
      return {
        root: pathToUri(s.root),
        files: s.files.map(pathToUri),
        fragment: s.analysis.fragment,
        title: cat.title,
        points: formatPoints(points),
        errors: count("error"),
        warnings: count("warning"),
        factsFiles: s.analysis.fragment ? [] : facts.filesOf(s.root).map(pathToUri),
      };
    }),
  );
  connection.onRequest(
    KpRequests.compile,
    guard("kp/compile", null, (params: { uri: string; outDir: string }) => {
      const s = stateFor(params.uri);
      return s ? compileTo(s, uriToPath(params.outDir)) : noFile(params.uri);
    }),
  );
  connection.onRequest(
    KpRequests.score,
    guard("kp/score", null, (params: { uri: string; facts: string; levels?: number }) => {
      const s = stateFor(params.uri);
      if (!s) return noFile(params.uri);
      void facts.use(s, uriToPath(params.facts));
      return score(s, uriToPath(params.facts), { levels: typeof params.levels === "number" ? params.levels : undefined }).then(withLocations);
    }),
  );
  connection.onRequest(
    KpRequests.units,
    guard("kp/units", null, (params: { facts: string; uri?: string }) => unitsOf(uriToPath(params.facts), params.uri !== undefined ? stateFor(params.uri) : undefined)),
  );
  connection.onRequest(
    KpRequests.explain,
    guard("kp/explain", null, (params: { uri: string; facts: string; unit: string }) => {
      const s = stateFor(params.uri);
      if (!s) return noFile(params.uri);
      void facts.use(s, uriToPath(params.facts));
      return explain(s, uriToPath(params.facts), params.unit).then(withLocations);
    }),
  );
  connection.onRequest(
    KpRequests.factsSchema,
    guard("kp/factsSchema", null, (params: { uri?: string }) => {
      // The catalogue of the given document; else the only catalogue open, or the only one in the workspace.
      let root: string | undefined;
      if (params.uri) root = stateFor(params.uri)?.root;
      if (!root) {
        const open = project.openCatalogueRoots().filter((r) => !project.catalogueOf(r, { lint: false }).analysis.fragment);
        const candidates = open.length > 0 ? open : [...new Set(project.getFolders().flatMap((f) => project.rootsIn(f)))];
        if (candidates.length === 1) root = candidates[0];
      }
      if (!root) return null;
      let schema = facts.schemaOf(root);
      if (schema === undefined) {
        const s = project.catalogueOf(root, { lint: false });
        if (!s.analysis.fragment && !s.analysis.diagnostics.some((d) => d.severity === "error")) {
          facts.checked(s);
          schema = facts.schemaOf(root);
        }
      }
      return schema === undefined ? null : { root: pathToUri(root), schema };
    }),
  );
}

import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { lilconfigSync, type LoaderSync } from 'lilconfig'
import { ConfigError } from '../model/errors.js'
import { shownPath } from '../model/paths.js'
import { BUNDLED_RULES } from '../rules/load.js'
import { parseConfigText, validateConfig, type ConfigSource } from './parse.js'
import type { ProjectConfig } from './types.js'

/** Where a project's config may be, in the order looked for in each folder from the working folder up. */
export const CONFIG_FILES = ['mtclean.config.yaml', 'mtclean.config.yml', '.mtcleanrc.yaml', '.mtcleanrc.yml', 'package.json'] as const

/** The file `mtclean init` writes. */
export const STARTER_CONFIG = 'mtclean.config.yaml'

/** lilconfig's loader for YAML files: the yaml package, so that a syntax error has its line and column. */
const yamlLoader: LoaderSync = (file, content): ConfigSource => {
  const { document, lineCounter } = parseConfigText(content, shownPath(file))
  return { document, lineCounter, node: document.contents ?? undefined }
}

/**
 * lilconfig's loader for package.json: parsed as YAML too (JSON is YAML), and the `mtclean` key handed on as
 * a ConfigSource, so its problems are reported at their place in package.json. A package.json that does not
 * parse is not mtclean's to judge when it has no `mtclean` key: it is passed over, as lilconfig passes over
 * one without the key.
 */
const packageLoader: LoaderSync = (file, content): Record<string, ConfigSource> => {
  let parsed
  try {
    parsed = parseConfigText(content, shownPath(file))
  } catch (error) {
    if (error instanceof ConfigError && content.includes('"mtclean"')) throw error
    return {}
  }
  const node = parsed.document.get('mtclean', true)
  return node === undefined ? {} : { mtclean: { ...parsed, node: node as ConfigSource['node'] } }
}

/**
 * The project config that applies in `cwd`: the first of CONFIG_FILES found walking up from it (lilconfig
 * stops at the home folder), validated; undefined when there is none. A bad config is a ConfigError at
 * `file:line:column`.
 */
export async function findProjectConfig(cwd: string): Promise<ProjectConfig | undefined> {
  const found = lilconfigSync('mtclean', {
    searchPlaces: [...CONFIG_FILES],
    loaders: { '.yaml': yamlLoader, '.yml': yamlLoader, '.json': packageLoader },
    cache: false,
    // An empty config file is a config (every default): it still marks the project's folder.
    ignoreEmptySearchPlaces: false,
  }).search(cwd)
  if (!found) return undefined
  const source = (found.config ?? { node: undefined }) as ConfigSource
  const shown = shownPath(found.filepath, cwd)
  // The checks' table is loaded only when the config names checks (it brings the whole pipeline in).
  const checkIds = source.node !== undefined && hasChecks(source) ? await knownCheckIds() : []
  return validateConfig(source, found.filepath, shown, checkIds)
}

function hasChecks(source: ConfigSource): boolean {
  const node = source.node as { get?: (key: string) => unknown } | undefined
  return typeof node?.get === 'function' && node.get('checks') != null
}

async function knownCheckIds(): Promise<string[]> {
  const { CHECKS } = await import('../checks/index.js')
  return CHECKS.flatMap((check) => check.ruleIds)
}

/**
 * The rule paths a project reads, in layer order: the bundled set, the project's folder, the extras. Without
 * a `rules` key, the bundled set and the `rules` folder beside the config if there is one. The bundled folder
 * is named once, even when the project's folder is it (the clone of mtclean itself).
 */
export function ruleLayerPaths(config: ProjectConfig): string[] {
  const layers = config.rules ?? {
    bundled: true,
    folder: isFolder(path.join(config.folder, 'rules')) ? path.join(config.folder, 'rules') : undefined,
    extra: [],
  }
  const paths = [...(layers.bundled ? [BUNDLED_RULES] : []), ...(layers.folder ? [layers.folder] : []), ...layers.extra]
  return [...new Set(paths.map((each) => path.resolve(each)))]
}

/** The project's own rules folder, where `rules add` and `names add` write: the config's, else `rules` beside it. */
export function projectRulesFolder(config: ProjectConfig): string | undefined {
  if (config.rules) return config.rules.folder
  const beside = path.join(config.folder, 'rules')
  return isFolder(beside) ? beside : undefined
}

function isFolder(file: string): boolean {
  return existsSync(file) && statSync(file).isDirectory()
}

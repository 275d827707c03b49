import { expect } from 'vitest'
import { ConfigError, ConfigErrors } from '../model/errors.js'

/** The messages of whatever `run` throws: ConfigErrors holding ConfigErrors, each formatted; [] if nothing. */
export function thrown(run: () => unknown): string[] {
  try {
    run()
    return []
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigErrors)
    const { errors } = error as ConfigErrors
    for (const each of errors) expect(each).toBeInstanceOf(ConfigError)
    return errors.map((each) => each.format())
  }
}

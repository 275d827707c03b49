import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { createChecker } from '../src/checks/index.js'
import { cleanText } from '../src/engine/clean.js'
import { PROJECT, projectRuleSet } from './helpers/project.js'

// A wire story in native English, written for this test and annotated by nobody: names, abbreviations,
// numbers, a web address, quotes. Clean text of the same kind must draw no change and no message.
const story = readFileSync(path.join(PROJECT, 'test/fixtures/native/wire-story.txt'), 'utf8')

it('changes nothing in native English news', () => {
  expect(cleanText(story, projectRuleSet()).applied).toEqual([])
})

it('reports nothing in native English news', () => {
  expect(createChecker(projectRuleSet()).check(story).messages.map(String)).toEqual([])
})

// Small closed word lists the sentence checks rely on.

/** Function words: a repeated phrase made only of these is ordinary English ("of the … of the"). */
export const STOPWORDS = new Set(
  'a an the and or but nor of in on at to for from by with as into onto upon about than that this these those it its is are was were be been being has have had do does did will would shall should can could may might must not no so such too very also just only then there their they them he him his she her we our us you your i my me who whom whose which what when where why how all any both each few more most other some own same'.split(
    ' ',
  ),
)

/** Capitalised words that typically begin a sentence: `promotionThe` is two sentences run together. */
export const SENTENCE_STARTERS = new Set(
  'The A An This That These Those It Its He She They We I You His Her Their Our In On At As For From By With According After Before However But And Although While When Since If Despite Meanwhile Moreover Therefore Thus There Some Many Most All Both Each Such'.split(
    ' ',
  ),
)

/**
 * Finite verbs and auxiliaries common in news prose. A glued-on "sentence" with none of these (and no
 * past tense in -ed) is probably a fragment left by a broken join.
 */
export const FINITE_VERBS = new Set(
  'is are was were am be has have had do does did will would shall should can could may might must said says say told tells met meets made makes took takes went goes came comes saw sees became becomes began begins held holds led leads left leaves gave gives got gets found finds thought thinks knew knows kept keeps brought brings stood stands sent sends spoke speaks set sets put puts ran runs won wins paid pays rose rises fell falls grew grows built builds sought seeks meant means felt feels lost loses read reads wrote writes understood understands chose chooses drew draws struck strikes fought fights hit hits cut cuts'.split(
    ' ',
  ),
)

/** Words that introduce a relative clause: a verb right after one of these is not the main verb. */
export const RELATIVE_PRONOUNS = new Set(['that', 'which', 'who', 'whom', 'whose'])

/** Top-level domains: `zaobao.com` is an address, not two words run together. */
export const DOMAIN_ENDINGS = new Set(
  'com org net gov edu mil int info biz io co uk sg cn hk tw jp kr ru de fr au in my th vn ph id eu html htm php asp'.split(' '),
)

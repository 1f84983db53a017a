/*
 * Material's search worker, reading each query as Korean and English readers type it.
 *
 * Every page's __config.search points here (hooks/search_languages.py), with Material's own worker named in
 * `?material=`. Material's worker answers the messages; this script listens first and rewrites a query before
 * Material reads it, one word at a time, only where the word as typed finds nothing in the index:
 *   - a compound typed halfway or without its space or dash: 교차엔트 -> 교차 엔트, 클래스불균형 -> 클래스 불균형,
 *     learningrate -> learning rate (the fewest words of the index, the last one possibly unfinished; a last
 *     syllable on its own is left out: 손실함 -> 손실);
 *   - a syllable the input method is still composing: 손시 (on the way to 손실) -> 손실, 경샇 -> 경사,
 *     역전ㅍ -> 역전, 손싫 -> 손실;
 *   - a derivational suffix the pages do not write: 적대적 -> 적대, 생성형 -> 생성, regularize -> regulariz;
 *   - British spelling and loanword spelling: regularisation -> regularization, 옵티마이져 -> 옵티마이저.
 * Then it adds the term of the glossary for any other name of it found in the query (객체 검출 -> 객체 탐지,
 * bce -> 이진 교차 엔트로피): `config.variants` of the index. The words it adds are dropped from the "missing"
 * terms of each result, so a result never shows "Missing: 탐지" for a word the reader did not type.
 * A word that finds something as typed is passed on unchanged, so queries that worked keep their order; only a
 * name that no page writes is replaced by its term (the glossary's 손실함수 becomes 손실 함수: the same words).
 */
"use strict";

const SETUP = 0, QUERY = 2, RESULT = 3;  // Material's SearchMessageType
const HANGUL = /[\uac00-\ud7a3\u3131-\u3163]/;
const PLAIN = /^[\p{L}\p{N}_.]+$/u;  // a word without lunr's syntax (+ - * ~ ^ : ")
const LONGEST_WORD = 40, LONGEST_QUERY = 20;  // longer words, and words after the 20th, are passed on as typed
// Derivational suffixes, and the shortest stem left: 적대적, 생성형, 최적화기, 확률론적; regularize, converging
const SUFFIXES = {
  hangul: [["적", "적인", "적으로", "론적", "화", "성", "형", "기"], 2],
  latin: [["ations", "ation", "ing", "ed", "es", "e", "s", "ly"], 4],
};
const BRITISH = /is(?=(?:e|es|ed|er|ers|ing|ation|ations)$)/;  // optimiser -> optimizer

/* --- Hangul syllables, by the arithmetic of Unicode's Hangul block --------------------------------------- */

const BASE = 0xac00;
// A final of two consonants -> its first one, which stays when the second starts the next syllable: ㄳ -> ㄱ
const DOUBLE_FINAL = { 3: 1, 5: 4, 6: 4, 9: 8, 10: 8, 11: 8, 12: 8, 13: 8, 14: 8, 15: 8, 18: 17 };
// Vowels that grow into another one with the next key: ㅗ -> ㅘ ㅙ ㅚ, ㅜ -> ㅝ ㅞ ㅟ, ㅡ -> ㅢ
const GROWING_VOWEL = { 8: [9, 10, 11], 13: [14, 15, 16], 18: [19] };
// After ㅈ ㅊ ㅉ a y-vowel is spelt plain in loanwords: 옵티마이져 -> 옵티마이저, 쥬스 -> 주스
const PALATAL = new Set([12, 13, 14]);
const PLAIN_VOWEL = { 6: 4, 2: 0, 17: 13, 12: 8, 7: 5, 3: 1 };  // ㅕ->ㅓ ㅑ->ㅏ ㅠ->ㅜ ㅛ->ㅗ ㅖ->ㅔ ㅒ->ㅐ
const syllable = (initial, vowel, final) => String.fromCharCode(BASE + (initial * 21 + vowel) * 28 + final);
function parts(char) {
  const code = char.charCodeAt(0) - BASE;
  return code >= 0 && code < 11172 ? [Math.floor(code / 588), Math.floor((code % 588) / 28), code % 28] : null;
}

/* What the box may hold on the way to a word: the word the last syllable is becoming. */
function composing(word) {
  const head = word.slice(0, -1), last = word.slice(-1);
  const forms = [];
  if (/[\u3131-\u3163]/.test(last)) {  // a lone jamo: the next syllable has just begun (역전ㅍ)
    if (head) forms.push(head);
    return forms;
  }
  const jamo = parts(last);
  if (!jamo) return forms;
  const [initial, vowel, final] = jamo;
  if (final === 0) {  // 손시 on the way to 손실; 고 on the way to 과
    for (let f = 1; f < 28; f++) forms.push(head + syllable(initial, vowel, f));
    for (const grown of GROWING_VOWEL[vowel] || [])
      for (let f = 0; f < 28; f++) forms.push(head + syllable(initial, grown, f));
  } else if (DOUBLE_FINAL[final]) {  // 손싫: the ㅎ of 손실ㅎ will start the next syllable
    forms.push(head + syllable(initial, vowel, DOUBLE_FINAL[final]));
  } else {  // 경샇: the ㅎ will start the next syllable
    forms.push(head + syllable(initial, vowel, 0));
  }
  return forms;
}

function respelt(word) {
  let changed = false;
  const chars = [...word].map(char => {
    const jamo = parts(char);
    if (jamo && PALATAL.has(jamo[0]) && jamo[1] in PLAIN_VOWEL) {
      changed = true;
      return syllable(jamo[0], PLAIN_VOWEL[jamo[1]], jamo[2]);
    }
    return char;
  });
  const british = word.replace(BRITISH, "iz");
  return [...(changed ? [chars.join("")] : []), ...(british !== word ? [british] : [])];
}

/* --- The reader ------------------------------------------------------------------------------------------ */

/* Material's split(): the separator may match the empty string (the Korean cuts), which moves on by one. */
function split(text, separator) {
  const pieces = [];
  separator.lastIndex = 0;
  let match, start = 0;
  do {
    match = separator.exec(text);
    const end = match ? match.index : text.length;
    if (start < end) pieces.push(text.slice(start, end));
    if (match) {
      start = match.index + match[0].length;
      if (!match[0].length) separator.lastIndex = match.index + 1;
    }
  } while (match);
  return pieces;
}

class Reader {
  constructor({ config, docs }) {
    this.separator = new RegExp(config.separator, "g");
    this.variants = config.variants || {};
    this.unwritten = new Set(config.unwritten || []);
    this.longestVariant = Math.max(0, ...Object.keys(this.variants).map(key => key.length));
    this.docs = docs;
  }

  /* The words of the index, as Material's tokenizer cuts them: each distinct word of the text once. Built
     after Material has built its index (0.1-0.2 s), or at the first query if that comes first. */
  prepare() {
    if (this.tokens) return;
    const words = new Set();
    for (const doc of this.docs)
      for (const field of [doc.title, doc.text])
        if (field)
          for (const word of field.replace(/<[^>]*>/g, " ").toLowerCase().split(/\s+/))
            words.add(word);
    const tokens = new Set();
    for (const word of words)
      for (const token of split(word, this.separator)) tokens.add(token);
    this.exact = tokens;
    this.tokens = [...tokens].sort();
    this.docs = null;
  }

  /* Whether some word of the index starts with `prefix` (lunr's trailing wildcard, which Material adds). */
  hasPrefix(prefix) {
    const tokens = this.tokens;
    let low = 0, high = tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tokens[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return low < tokens.length && tokens[low].startsWith(prefix);
  }

  /* The fewest words of the index that make up `word`, the last one possibly unfinished, or null. */
  segment(word) {
    const shortest = /[a-z0-9]/.test(word) ? 2 : 1;  // no one-letter pieces of Latin words
    const best = new Array(word.length + 1).fill(null);
    best[0] = [];
    let found = null;
    for (let start = 0; start < word.length; start++) {
      if (!best[start]) continue;
      const rest = word.slice(start);
      if (rest.length >= shortest && this.hasPrefix(rest) && (!found || best[start].length + 1 < found.length))
        found = [...best[start], rest];
      for (let end = start + shortest; end < word.length; end++) {
        const piece = word.slice(start, end);
        if (this.exact.has(piece) && (!best[end] || best[start].length + 1 < best[end].length))
          best[end] = [...best[start], piece];
      }
    }
    return found;
  }

  /* A word of the query as the index has it: itself when it finds something, else its best reading. */
  read(word) {
    const lower = word.toLowerCase();
    if (word.length > LONGEST_WORD || !PLAIN.test(word) ||
        split(lower, this.separator).every(piece => this.hasPrefix(piece)))
      return [word];
    const hangul = HANGUL.test(lower);
    const [suffixes, shortest] = SUFFIXES[hangul ? "hangul" : "latin"];
    const forms = [lower, ...respelt(lower), ...(hangul ? composing(lower) : [])];
    let best = null;
    for (const [rank, form] of forms.entries()) {
      const stems = [form];
      for (const suffix of suffixes)
        if (form.endsWith(suffix) && form.length - suffix.length >= shortest)
          stems.push(form.slice(0, -suffix.length));
      for (const stem of stems) {
        const pieces = this.segment(stem);
        if (!pieces) continue;
        // Fewer pieces first; among readings of a syllable still being composed, keep every equal one.
        const cost = pieces.length + (stem === form ? 0 : 0.5);
        if (!best || cost < best.cost) best = { cost, rank, readings: [pieces] };
        else if (cost === best.cost && rank > 0 && best.rank > 0 && best.readings.length < 4)
          best.readings.push(pieces);
      }
    }
    if (!best) return [word];
    // A last syllable still on its own (평균제곱오 -> 평균 제곱 오) would find every word it starts: left out.
    const readings = best.readings.map(pieces =>
      pieces.length > 1 && /^[\uac00-\ud7a3]$/.test(pieces[pieces.length - 1]) ? pieces.slice(0, -1) : pieces);
    return [...new Set(readings.flat())];
  }

  /* The other names of glossary terms found in the query, the longest where they overlap: [name, term]. */
  names(query) {
    const found = [];
    const keep = (matches) => matches.filter(([start, end], i) => !matches.some(([s, e], j) =>
      j !== i && s <= start && end <= e && e - s > end - start));  // 초매개변수, not also its 매개변수
    // Runs of whole Latin words: "cost function", "hold-out set", "lr", "BCE가" (a particle after it); code
    // (mse_loss, nn.Module) stays code.
    const latin = query.toLowerCase().split(/[\s\-\u2013\u2014]+/)
      .map(word => (/^([a-z0-9]+)[\uac00-\ud7a3]*$/.exec(word) || [])[1]);
    const runs = [];
    for (let start = 0; start < latin.length; start++) {
      let key = "";
      for (let end = start; end < latin.length && latin[end] && key.length <= this.longestVariant; end++) {
        key += latin[end];
        if (key in this.variants) runs.push([start, end + 1, key]);
      }
    }
    const compact = query.toLowerCase().replace(/[\s\-\u2013\u2014·.]+/g, "");
    const pieces = [];
    if (HANGUL.test(compact))  // Korean names anywhere, particles and missing spaces included: 객체검출은
      for (let start = 0; start < compact.length; start++)
        for (let end = start + 2; end <= Math.min(compact.length, start + this.longestVariant); end++) {
          const key = compact.slice(start, end);
          if (key in this.variants && HANGUL.test(key)) pieces.push([start, end, key]);
        }
    for (const [, , key] of [...keep(runs), ...keep(pieces)]) found.push([key, this.variants[key]]);
    return found;
  }

  /* The query Material is given, and the words in it, as Material cuts them, that the reader did not type. */
  expand(query) {
    this.prepare();
    const typed = query.trim().split(/\s+/).filter(Boolean);
    const names = this.names(query);
    const compact = word => word.toLowerCase().replace(/[-\u2013\u2014·.]/g, "");
    // A word that is part of another name of a term is left as typed: the term comes with the name. Where
    // no page writes the name (경사 소실, hold-out set), its words go and the term takes their place.
    const named = word => names.some(([key]) => key.includes(compact(word)));
    const replaced = word => names.some(([key]) => this.unwritten.has(key) && key.includes(compact(word)));
    const words = typed.flatMap((word, i) =>
      i >= LONGEST_QUERY ? [word] : replaced(word) ? [] : named(word) ? [word] : this.read(word));
    // A term's words that Material already has from the query (손실함수 -> 손실|함수) are not added again.
    const have = new Set(words.flatMap(word => split(word.toLowerCase(), this.separator)));
    for (const [, term] of names)
      for (const word of term.split(" "))
        if (!split(word.toLowerCase(), this.separator).every(piece => have.has(piece))) words.push(word);
    const unique = [...new Set(words)];
    if (unique.length === typed.length && unique.every((word, i) => word === typed[i]))
      return { query, added: [] };  // as typed, untouched
    const own = new Set(typed.flatMap(word => split(word.toLowerCase(), this.separator)));
    const pieces = unique.flatMap(word => split(word.toLowerCase(), this.separator));
    return { query: unique.join(" "), added: [...new Set(pieces.filter(piece => !own.has(piece)))] };
  }
}

/* --- Pages that have what was typed, as typed, first ----------------------------------------------------
   lunr scores each word on its own, so a short section with 배치 here and 정규화 there outranked a page about
   배치 정규화. Pages are put in tiers by where the typed words occur together (spaces and dashes aside, so
   편향분산 meets 편향–분산 and 손실함 meets 손실 함수): in a page's title, in a section's title, in the text, or
   nowhere; Material's order holds within a tier. Where no page has the words as typed (비용 함수), the words this
   worker gave Material in their place (손실 함수) are looked for. The glossary repeats every term in one line: it is
   lifted only when its own title is what was typed (용어집, glossary), and otherwise keeps Material's order. */

const together = text => String(text || "").replace(/<[^>]*>/g, "").toLowerCase().replace(/[\s\-\u2013\u2014·_]+/g, "");
const joined = new Map();  // memo of together(): the same sections come back query after query
const togetherOf = (item, field) => {
  const text = String(item[field] || "");
  if (!joined.has(text)) joined.set(text, together(text));
  return joined.get(text);
};

function byPhrase(groups, typed, given = typed) {
  const tiers = phrase => groups.map(group => {
    if ([...phrase].length < 2) return 0;
    if (group.some(item => !String(item.location).includes("#") && togetherOf(item, "title").includes(phrase))) return 3;
    if (group.some(item => togetherOf(item, "title").includes(phrase))) return 2;
    return group.some(item => togetherOf(item, "text").includes(phrase)) ? 1 : 0;
  });
  let tier = tiers(together(typed));
  if (!tier.some(Boolean) && together(given) !== together(typed)) tier = tiers(together(given));
  if (!tier.some(Boolean)) return groups;
  const glossary = group => /(^|\/)glossary\/$/.test(String(group[0].location).split("#")[0]);
  return groups.map((group, order) => [tier[order] < 3 && glossary(group) ? 0 : tier[order], order, group])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .map(([, , group]) => group);
}

/* --- In the worker ------------------------------------------------------------------------------------- */

if (typeof importScripts === "function") {
  let reader = null;
  const pending = [];  // per query in flight: what the reader typed, and the words added to it; answered in order
  addEventListener("message", event => {
    const message = event.data;
    const typed = message && message.type === QUERY ? message.data : "";
    try {
      if (message.type === SETUP) {
        reader = new Reader(message.data);
        const prepared = reader;  // after Material's own setup, which runs on this message
        setTimeout(() => { try { prepared.prepare(); } catch (error) { console.warn("search-reader:", error); } });
      } else if (message.type === QUERY && reader) {
        const expanded = reader.expand(message.data);
        message.data = expanded.query;
        pending.push({ typed, given: expanded.query, added: new Set(expanded.added) });
        return;
      }
    } catch (error) {
      console.warn("search-reader:", error);
    }
    if (message.type === QUERY) pending.push({ typed, added: new Set() });
  });
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && message.type === RESULT) {
      const query = pending.shift();
      if (query && message.data && message.data.items) {
        if (query.added.size)
          for (const group of message.data.items)
            for (const item of group)
              for (const term of Object.keys(item.terms || {}))
                if (!item.terms[term] && query.added.has(term)) delete item.terms[term];
        message.data.items = byPhrase(message.data.items, query.typed, query.given || query.typed);
      }
    }
    post(message, ...rest);
  };
  // This script's URL names Material's worker. In the offline copy the worker runs in an iframe
  // (vendor/iframe-worker-shim.js), whose location is the page's: there the script element has the URL.
  const own = typeof document === "object" && document.currentScript ? document.currentScript.src : self.location.href;
  importScripts(new URL(new URL(own).searchParams.get("material"), own).href);
} else if (typeof module === "object") {
  module.exports = { Reader, byPhrase, composing, respelt, split };
}

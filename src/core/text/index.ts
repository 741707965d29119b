export { fold, isWordCode, isUpperCode } from './fold';
export { createDoc, splitParagraphs, splitSentences, paragraphAt, spanIndexAt, lowerBound, lowerBoundSpan, atLineStart, type TextDoc } from './document';
export { LineMap } from './lines';
export { decodeText, type DecodedText } from './decode';

/**
 * The baseline parser: Chevrotain's classic JSON example grammar (examples/grammars/json in the
 * Chevrotain repository, also the grammar of its online playground and its performance benchmark) —
 * a lexer of 12 tokens and a CstParser with the json/object/objectItem/array/value rules.  It builds a
 * CST, as the .kp parser does before its AST step.
 */
import { CstParser, Lexer, createToken, type CstNode, type IToken } from "chevrotain";

const True = createToken({ name: "True", pattern: /true/ });
const False = createToken({ name: "False", pattern: /false/ });
const Null = createToken({ name: "Null", pattern: /null/ });
const LCurly = createToken({ name: "LCurly", pattern: /{/ });
const RCurly = createToken({ name: "RCurly", pattern: /}/ });
const LSquare = createToken({ name: "LSquare", pattern: /\[/ });
const RSquare = createToken({ name: "RSquare", pattern: /]/ });
const Comma = createToken({ name: "Comma", pattern: /,/ });
const Colon = createToken({ name: "Colon", pattern: /:/ });
const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^\\"]|\\(?:[bfnrtv"\\/]|u[0-9a-fA-F]{4}))*"/ });
const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/ });
const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\n\r]+/, group: Lexer.SKIPPED });

const allTokens = [WhiteSpace, NumberLiteral, StringLiteral, LCurly, RCurly, LSquare, RSquare, Comma, Colon, True, False, Null];

const jsonLexer = new Lexer(allTokens, { positionTracking: "full" });

class JsonParser extends CstParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  json = this.RULE("json", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.object) }, { ALT: () => this.SUBRULE(this.array) }]);
  });

  object = this.RULE("object", () => {
    this.CONSUME(LCurly);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.objectItem) });
    this.CONSUME(RCurly);
  });

  objectItem = this.RULE("objectItem", () => {
    this.CONSUME(StringLiteral);
    this.CONSUME(Colon);
    this.SUBRULE(this.value);
  });

  array = this.RULE("array", () => {
    this.CONSUME(LSquare);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.value) });
    this.CONSUME(RSquare);
  });

  value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.SUBRULE(this.object) },
      { ALT: () => this.SUBRULE(this.array) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.CONSUME(Null) },
    ]);
  });
}

// Like the example, one parser instance, reused by setting its input.
const parser = new JsonParser();

/** Lexes and parses JSON text to a CST; throws when the text is not JSON (a bug in the bench). */
export function parseJsonChevrotain(text: string): { cst: CstNode; tokens: IToken[] } {
  const lexed = jsonLexer.tokenize(text);
  parser.input = lexed.tokens;
  const cst = parser.json();
  if (lexed.errors.length > 0 || parser.errors.length > 0) {
    throw new Error(`JSON baseline failed: ${lexed.errors[0]?.message ?? parser.errors[0]?.message}`);
  }
  return { cst, tokens: lexed.tokens };
}

/**
 * The Chevrotain parser: tokens → CST.  The class holds only the grammar (kept in step with
 * grammar/kp.ebnf); building the AST is in from-cst.ts.  Error recovery is on, so a file with several
 * mistakes yields a diagnostic for each and a partial tree.
 */
import { CstParser, EOF, tokenMatcher, type CstNode, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.js";

function describe(token: IToken): string {
  if (token.tokenType === EOF) return "文件末尾";
  const img = token.image.length > 20 ? token.image.slice(0, 20) + "…" : token.image;
  return `「${img}」`;
}

function labelOf(t: TokenType): string {
  return (t as TokenType & { LABEL?: string }).LABEL ?? t.name;
}

function joinExpected(paths: TokenType[][][] | TokenType[][]): string {
  const firsts = new Set<string>();
  const flat = (paths as unknown[]).flat(1) as TokenType[][];
  for (const p of flat) if (p[0]) firsts.add(labelOf(p[0]));
  const list = [...firsts];
  if (list.length > 6) return list.slice(0, 6).join("、") + " 等";
  return list.join("、") || "其他内容";
}

/** Items that belong inside an indicator block. */
const indicatorOnly = new Set<TokenType>([T.RuleKw, T.NoteKw, T.SumCap, T.Highest, T.Choice, T.Departments, T.Applies, T.Refer, T.Code]);

/** The message for a token after the last complete top-level item. */
export function redundantMessage(token: IToken): string {
  if (indicatorOnly.has(token.tokenType)) return `多余的内容${describe(token)}：它只能写在「指标 「名称」 分值 { … }」之中`;
  return `多余的内容${describe(token)}：这里应是文件末尾或下一项`;
}

/**
 * The token types the parser expected where it met an unexpected token, by the token's offset (of the
 * last parse): parse.ts uses them to tell whether a misspelt keyword may stand there.
 */
export const expectedAt = new Map<number, Set<TokenType>>();

function expect(actual: IToken | undefined, types: Iterable<TokenType>): void {
  if (!actual || Number.isNaN(actual.startOffset)) return;
  const set = expectedAt.get(actual.startOffset) ?? new Set<TokenType>();
  for (const t of types) set.add(t);
  expectedAt.set(actual.startOffset, set);
}

function firstsOf(paths: TokenType[][][] | TokenType[][]): TokenType[] {
  return ((paths as unknown[]).flat(1) as TokenType[][]).flatMap((p) => (p[0] ? [p[0]] : []));
}

/** Chinese messages for Chevrotain's parse errors. */
export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    expect(actual, [expected]);
    if (expected === EOF) return redundantMessage(actual);
    return `此处应为${labelOf(expected)}，实际为${describe(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return redundantMessage(firstRedundant);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, customUserDescription }) {
    expect(actual[0], firstsOf(expectedPathsPerAlt));
    const what = customUserDescription ?? joinExpected(expectedPathsPerAlt);
    return `此处应为${what}，实际为${describe(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, customUserDescription }) {
    expect(actual[0], firstsOf(expectedIterationPaths));
    const what = customUserDescription ?? joinExpected(expectedIterationPaths);
    return `此处至少需要一个${what}，实际为${describe(actual[0]!)}`;
  },
};

/** The .kp grammar.  Rule names match the productions of grammar/kp.ebnf. */
export class KpParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: errorMessages,
      maxLookahead: 3,
    });
    this.performSelfAnalysis();
  }

  // Wrapper rules that only choose an alternative (top item, indicator item, rule body) and the tiny
  // ones (a number with its measure word, 扣/得) are inlined: half the CST nodes, and parsing
  // allocates that much less.
  file = this.RULE("file", () => {
    this.MANY(() =>
      this.OR({
        DEF: [
          { ALT: () => this.SUBRULE(this.titleDecl) },
          { ALT: () => this.SUBRULE(this.yearDecl) },
          { ALT: () => this.SUBRULE(this.subjectDecl) },
          { ALT: () => this.SUBRULE(this.classesDecl) },
          { ALT: () => this.SUBRULE(this.totalDecl) },
          { ALT: () => this.SUBRULE(this.roundingDecl) },
          { ALT: () => this.SUBRULE(this.includeDecl) },
          { ALT: () => this.SUBRULE(this.gradesDecl) },
          { ALT: () => this.SUBRULE(this.indicator) },
          { ALT: () => this.SUBRULE(this.bonusSection) },
          { ALT: () => this.SUBRULE(this.penaltySection) },
        ],
        ERR_MSG: "「指标」「细则」「引入」等顶层项",
      }),
    );
  });

  // ---------------------------------------------------------------- header
  titleDecl = this.RULE("titleDecl", () => {
    this.CONSUME(T.Title);
    this.CONSUME(T.StringLiteral);
  });
  yearDecl = this.RULE("yearDecl", () => {
    this.CONSUME(T.Year);
    this.OR([{ ALT: () => this.val(1) }, { ALT: () => this.CONSUME(T.StringLiteral) }]);
  });
  subjectDecl = this.RULE("subjectDecl", () => {
    this.CONSUME(T.Subject);
    this.CONSUME(T.StringLiteral);
  });
  classesDecl = this.RULE("classesDecl", () => {
    this.CONSUME(T.Classes);
    this.SUBRULE(this.stringList);
  });
  totalDecl = this.RULE("totalDecl", () => {
    this.CONSUME(T.Total);
    this.val(1);
    this.OPTION(() => this.CONSUME(T.Rescale));
  });
  roundingDecl = this.RULE("roundingDecl", () => {
    this.CONSUME(T.Rounding);
    this.CONSUME(T.Keep);
    this.val(1);
  });
  includeDecl = this.RULE("includeDecl", () => {
    this.CONSUME(T.Include);
    this.CONSUME(T.StringLiteral);
  });
  gradesDecl = this.RULE("gradesDecl", () => {
    this.CONSUME(T.Grades);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.grade));
    this.CONSUME(T.RBrace);
  });
  grade = this.RULE("grade", () => {
    this.CONSUME(T.StringLiteral);
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.Otherwise) },
        {
          ALT: () => {
            this.SUBRULE(this.gradeCondition);
            this.MANY(() => {
              this.CONSUME(T.And);
              this.SUBRULE2(this.gradeCondition);
            });
          },
        },
      ],
      ERR_MSG: "等次条件（如「≥ 90」「前 20%」或「其余」）",
    });
  });
  gradeCondition = this.RULE("gradeCondition", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Ge) }, { ALT: () => this.CONSUME(T.Gt) }]);
          this.val(1);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Top);
          this.val(2);
        },
      },
    ]);
  });

  // ---------------------------------------------------------------- indicators
  indicator = this.RULE("indicator", () => {
    this.CONSUME(T.IndicatorKw);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.val(1);
      // points that differ by unit class: 5分 其中 「其他县」 3分
      this.OPTION2(() => {
        this.CONSUME(T.Among);
        this.SUBRULE(this.namedAmount);
        this.MANY2(() => {
          this.OPTION3(() => this.CONSUME(T.ListSep));
          this.SUBRULE2(this.namedAmount);
        });
      });
    });
    this.CONSUME(T.LBrace);
    this.MANY(() =>
      this.OR({
        DEF: [
          { ALT: () => this.SUBRULE(this.codeDecl) },
          { ALT: () => this.SUBRULE(this.departmentsDecl) },
          { ALT: () => this.SUBRULE(this.appliesDecl) },
          { ALT: () => this.SUBRULE(this.referDecl) },
          { ALT: () => this.SUBRULE(this.indicator) },
          { ALT: () => this.SUBRULE(this.rule) },
          { ALT: () => this.SUBRULE(this.note) },
          { ALT: () => this.SUBRULE(this.capGroup) },
          { ALT: () => this.SUBRULE(this.highestGroup) },
          { ALT: () => this.SUBRULE(this.choiceGroup) },
        ],
        ERR_MSG: "「规则」「指标」「注」等",
      }),
    );
    this.CONSUME(T.RBrace);
  });
  codeDecl = this.RULE("codeDecl", () => {
    this.CONSUME(T.Code);
    this.CONSUME(T.StringLiteral);
  });
  departmentsDecl = this.RULE("departmentsDecl", () => {
    this.CONSUME(T.Departments);
    this.SUBRULE(this.stringList);
  });
  appliesDecl = this.RULE("appliesDecl", () => {
    this.CONSUME(T.Applies);
    this.SUBRULE(this.stringList);
  });
  referDecl = this.RULE("referDecl", () => {
    this.CONSUME(T.Refer);
    this.OR([{ ALT: () => this.CONSUME(T.StringLiteral, { LABEL: "unitClass" }) }, { ALT: () => this.CONSUME(T.NotConcerned) }]);
    this.CONSUME(T.Yi);
    this.OR2([
      { ALT: () => this.CONSUME2(T.StringLiteral, { LABEL: "unit" }) },
      { ALT: () => this.CONSUME(T.SameClassUnits, { LABEL: "pool" }) },
      { ALT: () => this.CONSUME(T.AllUnits, { LABEL: "pool" }) },
    ]);
    this.OPTION(() =>
      this.OR3([
        { ALT: () => this.CONSUME(T.AverageScore, { LABEL: "aggregate" }) },
        { ALT: () => this.CONSUME(T.MaxScore, { LABEL: "aggregate" }) },
        { ALT: () => this.CONSUME(T.MinScore, { LABEL: "aggregate" }) },
      ]),
    );
    this.CONSUME(T.WeiZhun);
  });
  note = this.RULE("note", () => {
    this.CONSUME(T.NoteKw);
    this.CONSUME(T.StringLiteral);
  });
  capGroup = this.RULE("capGroup", () => {
    this.CONSUME(T.SumCap);
    this.CONSUME(T.Cap);
    this.val(1);
    this.SUBRULE(this.groupBlock);
  });
  highestGroup = this.RULE("highestGroup", () => {
    this.CONSUME(T.Highest);
    this.OPTION(() => {
      this.CONSUME(T.Cap);
      this.val(1);
    });
    this.SUBRULE(this.groupBlock);
  });
  choiceGroup = this.RULE("choiceGroup", () => {
    this.CONSUME(T.Choice);
    this.SUBRULE(this.groupBlock);
  });
  bonusSection = this.RULE("bonusSection", () => {
    this.CONSUME(T.Bonus);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Cap);
      this.val(1);
    });
    this.SUBRULE(this.sectionBlock);
  });
  penaltySection = this.RULE("penaltySection", () => {
    this.CONSUME(T.Penalty);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Cap);
      this.val(1);
    });
    this.SUBRULE(this.sectionBlock);
  });
  /** A 加分/减分 section's block: rules and notes, and 就高/择一 groups of them. */
  sectionBlock = this.RULE("sectionBlock", () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR({
        DEF: [
          { ALT: () => this.SUBRULE(this.rule) },
          { ALT: () => this.SUBRULE(this.note) },
          { ALT: () => this.SUBRULE(this.highestGroup) },
          { ALT: () => this.SUBRULE(this.choiceGroup) },
        ],
        ERR_MSG: "「规则」「注」「就高」或「择一」",
      });
    });
    this.CONSUME(T.RBrace);
  });
  groupBlock = this.RULE("groupBlock", () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.OR({
        DEF: [{ ALT: () => this.SUBRULE(this.rule) }, { ALT: () => this.SUBRULE(this.note) }],
        ERR_MSG: "「规则」或「注」",
      });
    });
    this.CONSUME(T.RBrace);
  });

  // ---------------------------------------------------------------- rules
  rule = this.RULE("rule", () => {
    this.CONSUME(T.RuleKw);
    this.CONSUME(T.StringLiteral, { LABEL: "name" });
    this.OPTION(() => this.CONSUME2(T.StringLiteral, { LABEL: "clause" }));
    // 待核: a scoring written by the importer and not yet checked by a person; a scoring must follow.
    this.OPTION2(() => this.CONSUME(T.ReviewMark, { LABEL: "review" }));
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.perBody) },
        { ALT: () => this.SUBRULE(this.oneShotBody) },
        { ALT: () => this.CONSUME(T.ZeroScore) },
        { ALT: () => this.SUBRULE(this.bandsBody) },
        { ALT: () => this.SUBRULE(this.linearBody) },
        { ALT: () => this.SUBRULE(this.shortfallBody) },
        { ALT: () => this.SUBRULE(this.scoredBody) },
        { ALT: () => this.SUBRULE(this.rankedBody) },
        { ALT: () => this.SUBRULE(this.discretionBody) },
        { ALT: () => this.SUBRULE(this.committeeBody) },
        { ALT: () => this.SUBRULE(this.ratedBody) },
        { ALT: () => this.CONSUME(T.VetoWord) },
        // 待核 待补: nothing to check (an error, syntax/review-errors.ts)
        { GATE: () => this.LA(0)?.tokenType !== T.ReviewMark, ALT: () => this.CONSUME(T.TodoMark) },
      ],
      ERR_MSG: "计分方式（如「每次 扣 0.5」「扣 0.2」「得 0.1」「分段 {…}」）",
    });
    this.MANY(() => this.SUBRULE(this.modifier));
  });
  perBody = this.RULE("perBody", () => {
    // one unit word, or two for a compound unit (每村 每次)
    this.CONSUME(T.PerUnit);
    this.OPTION(() => this.CONSUME2(T.PerUnit));
    this.act();
    this.SUBRULE(this.amounts);
  });
  oneShotBody = this.RULE("oneShotBody", () => {
    this.act();
    this.SUBRULE(this.amounts);
    this.OPTION(() => this.SUBRULE(this.elseBranch));
  });
  /** 否则 扣 2 / 否则 倒扣 2 (否则 得 … parses and is KP2080). */
  elseBranch = this.RULE("elseBranch", () => {
    this.CONSUME(T.Else);
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.Deduct, { LABEL: "elseAction" }) },
        { ALT: () => this.CONSUME(T.Overdraft, { LABEL: "elseAction" }) },
        { ALT: () => this.CONSUME(T.Award, { LABEL: "elseAction" }) },
      ],
      ERR_MSG: "「扣」或「倒扣」",
    });
    this.val(1);
  });
  /** 评为 「好」、「较好」 分别得 满分、80% (enumerated outcomes). */
  ratedBody = this.RULE("ratedBody", () => {
    this.CONSUME(T.RatedAs);
    this.SUBRULE(this.stringList);
    this.CONSUME(T.Respectively);
    this.act();
    this.SUBRULE(this.ratedValue);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(T.ListSep));
      this.SUBRULE2(this.ratedValue);
    });
  });
  ratedValue = this.RULE("ratedValue", () => {
    this.OR({
      DEF: [{ ALT: () => this.CONSUME(T.Full) }, { ALT: () => this.val(1) }],
      ERR_MSG: "「满分」、分值（如「1.5」）或本项分值的百分比（如「80%」）",
    });
  });
  amounts = this.RULE("amounts", () => {
    this.OR({
      DEF: [
        {
          ALT: () => {
            this.val(1);
            // 其中 「园区」 0.3 (a class's amount) here; 其中 「已查结」 减半 is a modifier of the rule
            this.OPTION({
              GATE: () => this.LA(1).tokenType !== T.Among || this.LA(3).tokenType === T.NumberLiteral,
              DEF: () => {
                this.CONSUME(T.Among);
                this.SUBRULE(this.namedAmount);
                this.MANY(() => {
                  this.OPTION2(() => this.CONSUME(T.ListSep));
                  this.SUBRULE2(this.namedAmount);
                });
              },
            });
          },
        },
        {
          ALT: () => {
            this.SUBRULE3(this.namedAmount, { LABEL: "category" });
            this.MANY2(() => {
              this.OPTION3(() => this.CONSUME2(T.ListSep));
              this.SUBRULE4(this.namedAmount, { LABEL: "category" });
            });
          },
        },
      ],
      ERR_MSG: "分值（如「0.5」）或分类分值（如「「轻处分」 0.05」）",
    });
  });
  namedAmount = this.RULE("namedAmount", () => {
    this.CONSUME(T.StringLiteral);
    this.val(1);
  });
  bandsBody = this.RULE("bandsBody", () => {
    this.CONSUME(T.BandsKw);
    this.OPTION(() => this.CONSUME(T.SignedKw));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.band));
    this.CONSUME(T.RBrace);
  });
  band = this.RULE("band", () => {
    this.OR({
      DEF: [{ ALT: () => this.SUBRULE(this.interval) }, { ALT: () => this.CONSUME(T.MissingKw) }],
      ERR_MSG: "区间（如「[75%, 100%)」「≥ 98%」）或「未报送」",
    });
    this.SUBRULE(this.outcome);
    // < 0 得 1.5 每低 0.1个百分点 扣 0.1: the outcome goes on linearly from the band's bound
    this.OPTION(() => this.SUBRULE(this.bandSteps));
  });
  bandSteps = this.RULE("bandSteps", () => {
    this.CONSUME(T.StepWord);
    this.val(1, "step");
    this.act();
    this.val(2, "amount");
    this.OPTION(() => this.CONSUME(T.StepMode));
  });
  interval = this.RULE("interval", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.LBracket, { LABEL: "open" }) },
            { ALT: () => this.CONSUME(T.LParen, { LABEL: "open" }) },
          ]);
          this.OPTION(() => this.CONSUME(T.Minus, { LABEL: "lowerMinus" }));
          this.val(1, "lower");
          this.CONSUME(T.ListSep);
          this.OPTION2(() => this.CONSUME2(T.Minus, { LABEL: "upperMinus" }));
          this.val(2, "upper");
          this.OR3([
            { ALT: () => this.CONSUME(T.RBracket, { LABEL: "close" }) },
            { ALT: () => this.CONSUME(T.RParen, { LABEL: "close" }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.CompareOp);
          this.OPTION3(() => this.CONSUME3(T.Minus, { LABEL: "boundMinus" }));
          this.val(3, "bound");
        },
      },
    ]);
  });
  outcome = this.RULE("outcome", () => {
    this.OR({
      DEF: [
        {
          ALT: () => {
            this.act();
            this.val(1);
          },
        },
        { ALT: () => this.CONSUME(T.ZeroScore) },
      ],
      ERR_MSG: "「扣 …」「得 …」或「不得分」",
    });
  });
  linearBody = this.RULE("linearBody", () => {
    this.CONSUME(T.Base);
    this.OR({
      DEF: [{ ALT: () => this.val(1, "base") }, { ALT: () => this.CONSUME(T.BaseFrom) }],
      ERR_MSG: "基准值（如「90%」）或「平均值」「中位数」「目标值」",
    });
    this.CONSUME(T.StepWord);
    this.val(2, "step");
    this.act();
    this.val(3, "amount");
    this.OPTION(() => this.CONSUME(T.StepMode));
    // 上限 right after the first side caps that side, when a second side follows (上限 C ，…);
    // otherwise 上限 is the rule's modifier.
    this.OPTION3({
      GATE: () => {
        if (this.LA(1).tokenType !== T.Cap || this.LA(2).tokenType !== T.NumberLiteral) return false;
        const k = this.isMeasure(this.LA(3)) ? 4 : 3;
        return this.isListSep(this.LA(k));
      },
      DEF: () => {
        this.CONSUME(T.Cap);
        this.val(4, "sideCap");
      },
    });
    this.OPTION4(() => {
      this.CONSUME(T.ListSep);
      this.SUBRULE(this.linearSide);
    });
    this.OPTION2(() => this.SUBRULE(this.cutoff));
  });
  linearSide = this.RULE("linearSide", () => {
    this.CONSUME(T.StepWord);
    this.val(1, "step");
    this.act();
    this.val(2, "amount");
    this.OPTION(() => this.CONSUME(T.StepMode));
    this.OPTION2(() => {
      this.CONSUME(T.Cap);
      this.val(3, "cap");
    });
  });
  cutoff = this.RULE("cutoff", () => {
    this.CONSUME(T.CutoffWord);
    this.val(1);
    this.OR([
      { ALT: () => this.CONSUME(T.ZeroScore) },
      {
        ALT: () => {
          this.CONSUME(T.Deduct);
          this.val(2, "amount");
        },
      },
    ]);
  });
  shortfallBody = this.RULE("shortfallBody", () => {
    this.CONSUME(T.AtLeast);
    this.val(1, "target");
    this.CONSUME(T.StepLess);
    this.val(2, "step");
    this.CONSUME(T.Deduct);
    this.val(3, "amount");
  });
  scoredBody = this.RULE("scoredBody", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.AssessedKw, { LABEL: "how" }) },
      { ALT: () => this.CONSUME(T.RateKw, { LABEL: "how" }) },
      { ALT: () => this.CONSUME(T.ProportionalKw, { LABEL: "how" }) },
    ]);
    this.CONSUME(T.ScoreWord);
    this.OPTION(() => this.SUBRULE(this.fullPoints));
    this.OPTION2(() => {
      this.CONSUME(T.RescaleFrom);
      this.val(2, "scale");
    });
  });
  rankedBody = this.RULE("rankedBody", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.RankedKw);
          this.CONSUME(T.ScoreWord);
        },
      },
      {
        // 按 「指标」 得分 排名 / 按 总分 排名
        ALT: () => {
          this.CONSUME(T.ByKw);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(T.StringLiteral, { LABEL: "indicator" });
                this.OPTION3(() => this.CONSUME2(T.ScoreWord));
              },
            },
            { ALT: () => this.CONSUME(T.Total, { LABEL: "total" }) },
          ]);
          this.CONSUME(T.RankWord);
        },
      },
    ]);
    this.OPTION(() => this.SUBRULE(this.fullPoints));
    this.OR3([
      {
        ALT: () => {
          this.CONSUME(T.StepBack);
          this.CONSUME(T.Deduct);
          this.val(1);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.InOrder);
          this.CONSUME(T.Award);
          this.SUBRULE(this.rankPoints, { LABEL: "place" });
          this.MANY(() => {
            this.OPTION4(() => this.CONSUME(T.ListSep));
            this.SUBRULE2(this.rankPoints, { LABEL: "place" });
          });
          this.OPTION5(() => {
            this.CONSUME(T.Otherwise);
            this.CONSUME2(T.Award);
            this.SUBRULE3(this.rankPoints, { LABEL: "rest" });
          });
        },
      },
    ]);
    this.OPTION2(() => this.CONSUME(T.LowerBetter));
  });
  rankPoints = this.RULE("rankPoints", () => {
    this.val(1);
  });
  fullPoints = this.RULE("fullPoints", () => {
    this.CONSUME(T.Full);
    this.val(1);
  });
  discretionBody = this.RULE("discretionBody", () => {
    this.OPTION(() => this.CONSUME(T.PerUnit));
    this.CONSUME(T.Discretion);
    this.act();
    this.val(1, "min");
    this.CONSUME(T.To);
    this.val(2, "max");
  });
  committeeBody = this.RULE("committeeBody", () => {
    this.CONSUME(T.Committee);
    this.CONSUME(T.ScoreWord);
  });
  modifier = this.RULE("modifier", () => {
    this.OR({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Cap);
            this.val(1);
          },
        },
        { ALT: () => this.CONSUME(T.Overdraft) },
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Double) },
              { ALT: () => this.CONSUME(T.Half) },
              { ALT: () => this.CONSUME(T.WaiveAll) },
              { ALT: () => this.CONSUME(T.WaivePart) },
            ]);
            this.CONSUME(T.When);
            this.CONSUME(T.StringLiteral);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Among);
            this.SUBRULE(this.occurrenceFactor);
            this.MANY(() => {
              this.OPTION(() => this.CONSUME(T.ListSep));
              this.SUBRULE2(this.occurrenceFactor);
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.ByKw);
            this.OR3([
              { ALT: () => this.CONSUME2(T.StringLiteral, { LABEL: "divisorFact" }) },
              { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "divisor" }) },
            ]);
            this.CONSUME(T.AverageKw);
          },
        },
        { ALT: () => this.SUBRULE(this.appliesDecl) },
      ],
      ERR_MSG: "「上限」「倒扣」「加倍」「减半」「免扣」「可减免」「其中」「按」或「适用」",
    });
  });
  /** `「已查结」 减半`, `「重复访」 加倍`, `「国务院领导批示」 加 3倍`, `「头版头条」 按 2倍` after 其中. */
  occurrenceFactor = this.RULE("occurrenceFactor", () => {
    this.CONSUME(T.StringLiteral);
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.Double) },
        { ALT: () => this.CONSUME(T.Half) },
        {
          ALT: () => {
            this.OR2([{ ALT: () => this.CONSUME(T.Award, { LABEL: "how" }) }, { ALT: () => this.CONSUME(T.ByKw, { LABEL: "how" }) }]);
            this.CONSUME(T.NumberLiteral);
            this.CONSUME(T.TimesKw);
          },
        },
      ],
      ERR_MSG: "「加倍」「减半」「加 N倍」或「按 N倍」",
    });
  });

  // ---------------------------------------------------------------- shared
  stringList = this.RULE("stringList", () => {
    this.CONSUME(T.StringLiteral);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(T.ListSep));
      this.CONSUME2(T.StringLiteral);
    });
  });
  /** A number and its optional measure word (分, 次 …), labelled `label` and `label + "Measure"`. */
  private val(idx: number, label = "value"): void {
    this.consume(idx, T.NumberLiteral, { LABEL: label });
    this.option(idx + 20, () => this.consume(idx, T.Measure, { LABEL: label + "Measure" }));
  }

  private isMeasure(t: IToken): boolean {
    return tokenMatcher(t, T.Measure);
  }
  private isListSep(t: IToken): boolean {
    return tokenMatcher(t, T.ListSep);
  }

  /** 扣 or 得, labelled "action". */
  private act(): void {
    this.or(5, {
      DEF: [{ ALT: () => this.consume(5, T.Deduct, { LABEL: "action" }) }, { ALT: () => this.consume(6, T.Award, { LABEL: "action" }) }],
      ERR_MSG: "「扣」或「得」",
    });
  }
}

/** The one parser instance (Chevrotain parsers are reusable and costly to build). */
export const parser = new KpParser();

/** Parses tokens into a CST; errors are in `parser.errors` afterwards. */
export function parseTokens(tokens: IToken[]): CstNode {
  expectedAt.clear();
  parser.input = tokens;
  return parser.file();
}

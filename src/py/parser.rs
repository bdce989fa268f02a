//! Tokens to a [`Program`]: a recursive-descent parser for the subset, and
//! the scope analysis that decides which names are local, which live in
//! cells (captured by an inner function) and which are free.

use std::collections::HashSet;
use std::rc::Rc;

use super::ast::*;
use super::error::PyError;
use super::lexer::{tokenize, Tok, Token};

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Function,
    Class,
}

struct ScopeDraft {
    parent: Option<usize>,
    kind: ScopeKind,
    params: Vec<String>,
    globals: HashSet<String>,
    /// Names declared nonlocal, with where.
    nonlocals: Vec<(String, u32, u32)>,
    is_generator: bool,
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    scopes: Vec<ScopeDraft>,
    /// (scope, name, is_binding) in source order.
    names: Vec<(usize, String, bool)>,
    current: usize,
    /// How deeply expressions and blocks nest here, so pasted nonsense
    /// such as ten thousand "(" cannot overflow the stack.
    depth: usize,
}

/// Parses a whole program.
pub fn parse(src: &str) -> Result<Program, PyError> {
    let toks = tokenize(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        scopes: vec![ScopeDraft {
            parent: None,
            kind: ScopeKind::Module,
            params: Vec::new(),
            globals: HashSet::new(),
            nonlocals: Vec::new(),
            is_generator: false,
        }],
        names: Vec::new(),
        current: 0,
        depth: 0,
    };
    let mut body = Vec::new();
    let mut top_lines = Vec::new();
    while !p.at(&Tok::Eof) {
        if p.at(&Tok::Newline) {
            p.pos += 1;
            continue;
        }
        let line = p.tok().line;
        let before = body.len();
        p.statement(&mut body)?;
        for _ in before..body.len() {
            top_lines.push(line);
        }
    }
    let scopes = p.resolve()?;
    Ok(Program {
        body: body.into(),
        scopes,
        top_lines,
    })
}

type R<T> = Result<T, PyError>;
type CallArgs = (Vec<Expr>, Vec<(String, Expr)>);

impl Parser {
    fn tok(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn at(&self, t: &Tok) -> bool {
        &self.tok().tok == t
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(&self.tok().tok, Tok::Op(o) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(&self.tok().tok, Tok::Name(n) if n == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn err(&self, msg: &str) -> PyError {
        let t = self.tok();
        PyError::syntax(msg, t.line, t.col)
    }

    fn expect_op(&mut self, op: &str) -> R<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.err(&format!("expected '{op}'")))
        }
    }

    /// The closing bracket of one opened at (`line`, `col`); a missing one
    /// is reported where it was opened, as CPython does.
    fn close(&mut self, op: &str, open: &str, line: u32, col: u32) -> R<()> {
        if self.eat_op(op) {
            return Ok(());
        }
        if self.tok().line > line || matches!(self.tok().tok, Tok::Eof | Tok::Newline) {
            return Err(PyError::syntax(
                &format!("'{open}' was never closed"),
                line,
                col,
            ));
        }
        Err(self.err(&format!("expected '{op}'")))
    }

    /// Inside brackets the lexer joins lines, so an end of line right
    /// after an opening bracket is the end of the program.
    fn open_at_end(&self, open: &str, line: u32, col: u32) -> R<()> {
        if matches!(self.tok().tok, Tok::Newline | Tok::Eof) {
            return Err(PyError::syntax(
                &format!("'{open}' was never closed"),
                line,
                col,
            ));
        }
        Ok(())
    }

    /// The innermost bracket still open before the current token, if any
    /// (the lexer joins lines inside brackets, so one left open runs to the
    /// end of the program).
    fn unclosed(&self) -> Option<(&'static str, u32, u32)> {
        let mut open = Vec::new();
        for t in &self.toks[..self.pos.min(self.toks.len())] {
            match t.tok {
                Tok::Op(o @ ("(" | "[" | "{")) => open.push((o, t.line, t.col)),
                Tok::Op(")" | "]" | "}") => {
                    open.pop();
                }
                _ => {}
            }
        }
        open.pop()
    }

    fn expect_kw(&mut self, kw: &str) -> R<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            Err(self.err(&format!("expected '{kw}'")))
        }
    }

    fn name(&mut self) -> R<String> {
        match &self.tok().tok {
            Tok::Name(n) if !is_keyword(n) => {
                let n = n.clone();
                self.pos += 1;
                Ok(n)
            }
            _ => Err(self.err("expected a name")),
        }
    }

    fn end_of_simple(&mut self) -> R<()> {
        if self.at(&Tok::Newline) {
            self.pos += 1;
            Ok(())
        } else if self.at(&Tok::Eof) || self.at(&Tok::Dedent) {
            Ok(())
        } else {
            Err(self.err("expected the end of the line"))
        }
    }

    fn use_name(&mut self, name: &str) {
        self.names.push((self.current, name.to_string(), false));
    }

    fn bind_name(&mut self, name: &str) {
        self.names.push((self.current, name.to_string(), true));
    }

    fn new_scope(&mut self, kind: ScopeKind, params: Vec<String>) -> usize {
        self.scopes.push(ScopeDraft {
            parent: Some(self.current),
            kind,
            params,
            globals: HashSet::new(),
            nonlocals: Vec::new(),
            is_generator: false,
        });
        self.scopes.len() - 1
    }

    // ---- statements ----

    fn block(&mut self) -> R<Block> {
        self.depth += 1;
        let r = if self.depth > 60 {
            Err(self.err("too deeply nested for this model"))
        } else {
            self.block_inner()
        };
        self.depth -= 1;
        r
    }

    fn block_inner(&mut self) -> R<Block> {
        self.expect_op(":")?;
        let mut body = Vec::new();
        if self.at(&Tok::Newline) {
            self.pos += 1;
            if !self.at(&Tok::Indent) {
                return Err(self.err("expected an indented block"));
            }
            self.pos += 1;
            while !self.at(&Tok::Dedent) && !self.at(&Tok::Eof) {
                if self.at(&Tok::Newline) {
                    self.pos += 1;
                    continue;
                }
                self.statement(&mut body)?;
            }
            if self.at(&Tok::Dedent) {
                self.pos += 1;
            }
        } else {
            self.simple_statements(&mut body)?;
        }
        Ok(body.into())
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let (line, col) = (self.tok().line, self.tok().col);
        let kind = if self.eat_kw("def") {
            let name = self.name()?;
            self.bind_name(&name);
            let (params, defaults) = self.params(")")?;
            let scope = self.new_scope(ScopeKind::Function, params.clone());
            let outer = std::mem::replace(&mut self.current, scope);
            if self.eat_op("->") {
                return Err(self.err("annotations are outside this subset"));
            }
            let body = self.block();
            self.current = outer;
            let params = params
                .into_iter()
                .zip(defaults)
                .map(|(name, default)| Param { name, default })
                .collect();
            StmtKind::Def(Rc::new(FuncDef {
                name,
                params,
                body: body?,
                line,
                scope,
            }))
        } else if self.eat_kw("class") {
            let name = self.name()?;
            self.bind_name(&name);
            if self.at_op("(") {
                return Err(self.err("base classes are outside this subset"));
            }
            let scope = self.new_scope(ScopeKind::Class, Vec::new());
            let outer = std::mem::replace(&mut self.current, scope);
            let body = self.block();
            self.current = outer;
            StmtKind::Class(name, body?, scope)
        } else if self.eat_kw("if") {
            let mut arms = vec![(self.test()?, self.block()?)];
            let mut other = None;
            loop {
                if self.eat_kw("elif") {
                    arms.push((self.test()?, self.block()?));
                } else if self.eat_kw("else") {
                    other = Some(self.block()?);
                    break;
                } else {
                    break;
                }
            }
            StmtKind::If(arms, other)
        } else if self.eat_kw("for") {
            let target = self.target_list()?;
            self.expect_kw("in")?;
            let iter = self.testlist()?;
            let body = self.block()?;
            if self.at_kw("else") {
                return Err(self.err("for … else is outside this subset"));
            }
            StmtKind::For(target, iter, body)
        } else if self.eat_kw("while") {
            let cond = self.test()?;
            StmtKind::While(cond, self.block()?)
        } else if self.eat_kw("try") {
            let body = self.block()?;
            let mut handlers = Vec::new();
            while self.at_kw("except") {
                let hline = self.tok().line;
                self.pos += 1;
                let class = if self.at_op(":") {
                    None
                } else {
                    Some(self.name()?)
                };
                if self.at_kw("as") {
                    return Err(self.err("except … as is outside this subset"));
                }
                handlers.push(Handler {
                    class,
                    body: self.block()?,
                    line: hline,
                });
            }
            if handlers.is_empty() {
                return Err(self.err("expected 'except' (finally is outside this subset)"));
            }
            StmtKind::Try(body, handlers.into())
        } else {
            return self.simple_statements(out);
        };
        out.push(Stmt { kind, line, col });
        Ok(())
    }

    fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        loop {
            let s = self.simple()?;
            out.push(s);
            if !self.eat_op(";") || self.at(&Tok::Newline) {
                break;
            }
        }
        self.end_of_simple()
    }

    fn simple(&mut self) -> R<Stmt> {
        let (line, col) = (self.tok().line, self.tok().col);
        let kind = if self.eat_kw("pass") {
            StmtKind::Pass
        } else if self.eat_kw("break") {
            StmtKind::Break
        } else if self.eat_kw("continue") {
            StmtKind::Continue
        } else if self.eat_kw("return") {
            if self.at(&Tok::Newline) || self.at_op(";") || self.at(&Tok::Eof) {
                StmtKind::Return(None)
            } else {
                StmtKind::Return(Some(self.testlist()?))
            }
        } else if self.eat_kw("del") {
            let mut targets = vec![self.target()?];
            while self.eat_op(",") {
                targets.push(self.target()?);
            }
            StmtKind::Del(targets)
        } else if self.eat_kw("import") {
            let mut names = vec![self.name()?];
            while self.eat_op(",") {
                names.push(self.name()?);
            }
            for n in &names {
                self.bind_name(&n.clone());
            }
            StmtKind::Import(names)
        } else if self.at_kw("from") {
            return Err(self.err("from … import is outside this subset (use import copy, sys, gc)"));
        } else if self.eat_kw("global") {
            let mut names = vec![self.name()?];
            while self.eat_op(",") {
                names.push(self.name()?);
            }
            let cur = self.current;
            self.scopes[cur].globals.extend(names.iter().cloned());
            StmtKind::Global(names)
        } else if self.eat_kw("nonlocal") {
            if self.scopes[self.current].kind == ScopeKind::Module {
                return Err(PyError::syntax(
                    "nonlocal declaration not allowed at module level",
                    line,
                    col,
                ));
            }
            let mut names = vec![self.name()?];
            while self.eat_op(",") {
                names.push(self.name()?);
            }
            let cur = self.current;
            self.scopes[cur]
                .nonlocals
                .extend(names.iter().map(|n| (n.clone(), line, col)));
            StmtKind::Nonlocal(names)
        } else if let Some(kw) = ["raise", "with", "assert", "async", "await"]
            .into_iter()
            .find(|k| {
                self.at_kw(k)
                    && !matches!(
                        self.toks.get(self.pos + 1).map(|t| &t.tok),
                        Some(Tok::Op("=")) | Some(Tok::Op("."))
                    )
            })
        {
            return Err(PyError::unsupported(
                &format!("'{kw}' statements are outside this subset"),
                line,
                col,
            ));
        } else if self.at_kw("yield") {
            let value = self.yield_expr()?;
            StmtKind::Yield(Vec::new(), value)
        } else {
            let first = self.testlist()?;
            if let Some(op) = self.aug_op() {
                let target = self.as_target(first)?;
                let value = self.testlist()?;
                StmtKind::AugAssign(target, op, value)
            } else if self.at_op("=") {
                let mut exprs = vec![first];
                let mut value = None;
                while self.eat_op("=") {
                    if self.at_kw("yield") {
                        value = Some(self.yield_expr()?);
                        break;
                    }
                    exprs.push(self.testlist()?);
                }
                match value {
                    Some(v) => {
                        let targets = exprs
                            .into_iter()
                            .map(|e| self.as_target(e))
                            .collect::<R<_>>()?;
                        StmtKind::Yield(targets, v)
                    }
                    None => {
                        let value = exprs.pop().ok_or_else(|| self.err("expected a value"))?;
                        let targets = exprs
                            .into_iter()
                            .map(|e| self.as_target(e))
                            .collect::<R<_>>()?;
                        StmtKind::Assign(targets, value)
                    }
                }
            } else {
                StmtKind::Expr(first)
            }
        };
        Ok(Stmt { kind, line, col })
    }

    fn yield_expr(&mut self) -> R<Option<Expr>> {
        self.expect_kw("yield")?;
        let cur = self.current;
        if self.scopes[cur].kind != ScopeKind::Function {
            return Err(self.err("'yield' outside function"));
        }
        self.scopes[cur].is_generator = true;
        if self.at_kw("from") {
            return Err(self.err("yield from is outside this subset"));
        }
        if self.at(&Tok::Newline) || self.at(&Tok::Eof) || self.at_op(";") {
            Ok(None)
        } else {
            Ok(Some(self.testlist()?))
        }
    }

    fn aug_op(&mut self) -> Option<BinOp> {
        let op = match &self.tok().tok {
            Tok::Op("+=") => BinOp::Add,
            Tok::Op("-=") => BinOp::Sub,
            Tok::Op("*=") => BinOp::Mul,
            Tok::Op("//=") => BinOp::FloorDiv,
            Tok::Op("%=") => BinOp::Mod,
            Tok::Op("**=") => BinOp::Pow,
            Tok::Op("/=") => BinOp::Div,
            _ => return None,
        };
        self.pos += 1;
        Some(op)
    }

    /// Parameters up to `close` (`)` for def, `:` for lambda); defaults are
    /// parsed in the enclosing scope, where Python evaluates them.
    fn params(&mut self, close: &str) -> R<(Vec<String>, Vec<Option<Expr>>)> {
        if close == ")" {
            self.expect_op("(")?;
        }
        let (mut names, mut defaults) = (Vec::new(), Vec::new());
        while !self.at_op(close) {
            if self.at_op("*") || self.at_op("**") {
                return Err(self.err("*args and **kwargs are outside this subset"));
            }
            let n = self.name()?;
            if names.contains(&n) {
                return Err(self.err(&format!("duplicate argument '{n}' in function definition")));
            }
            if self.at_op(":") && close == ")" {
                return Err(self.err("annotations are outside this subset"));
            }
            let d = if self.eat_op("=") {
                Some(self.test()?)
            } else {
                None
            };
            if d.is_none() && defaults.iter().any(Option::is_some) {
                return Err(self.err("non-default argument follows default argument"));
            }
            names.push(n);
            defaults.push(d);
            if !self.eat_op(",") {
                break;
            }
        }
        if close == ")" {
            self.expect_op(")")?;
        }
        Ok((names, defaults))
    }

    // ---- targets ----

    fn target_list(&mut self) -> R<Expr> {
        let (line, col) = (self.tok().line, self.tok().col);
        let first = self.target()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_kw("in") || self.at_op("=") {
                break;
            }
            items.push(self.target()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            line,
            col,
        })
    }

    fn target(&mut self) -> R<Expr> {
        let e = self.or_expr()?;
        self.as_target(e)
    }

    /// Checks that `e` can be assigned to, and records the names it binds.
    fn as_target(&mut self, e: Expr) -> R<Expr> {
        match &e.kind {
            ExprKind::Name(n) => {
                let n = n.clone();
                self.bind_name(&n);
            }
            ExprKind::Subscript(..) | ExprKind::Attr(..) => {}
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for it in items.clone() {
                    self.as_target(it)?;
                }
            }
            _ => {
                return Err(PyError::syntax(
                    "cannot assign to this expression",
                    e.line,
                    e.col,
                ))
            }
        }
        Ok(e)
    }

    // ---- expressions ----

    fn testlist(&mut self) -> R<Expr> {
        let (line, col) = (self.tok().line, self.tok().col);
        let first = self.test()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.ends_expr() {
                break;
            }
            items.push(self.test()?);
        }
        Ok(tuple_or_const(items, line, col))
    }

    fn ends_expr(&self) -> bool {
        matches!(&self.tok().tok, Tok::Newline | Tok::Eof | Tok::Dedent)
            || ["=", ")", "]", "}", ":", ";", "+=", "-=", "*="]
                .iter()
                .any(|o| self.at_op(o))
    }

    fn test(&mut self) -> R<Expr> {
        self.depth += 1;
        let r = if self.depth > 60 {
            Err(self.err("too deeply nested for this model"))
        } else {
            self.test_inner()
        };
        self.depth -= 1;
        r
    }

    fn test_inner(&mut self) -> R<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let (line, col) = (self.tok().line, self.tok().col);
        let e = self.or_test()?;
        if self.eat_kw("if") {
            let cond = self.or_test()?;
            self.expect_kw("else")?;
            let other = self.test()?;
            return Ok(Expr {
                kind: ExprKind::IfElse(Box::new(cond), Box::new(e), Box::new(other)),
                line,
                col,
            });
        }
        Ok(e)
    }

    fn lambda(&mut self) -> R<Expr> {
        let (line, col) = (self.tok().line, self.tok().col);
        self.expect_kw("lambda")?;
        let (params, defaults) = self.params(":")?;
        self.expect_op(":")?;
        let scope = self.new_scope(ScopeKind::Function, params.clone());
        let outer = std::mem::replace(&mut self.current, scope);
        let body = self.test();
        self.current = outer;
        let body = body?;
        let (bl, bc) = (body.line, body.col);
        let params = params
            .into_iter()
            .zip(defaults)
            .map(|(name, default)| Param { name, default })
            .collect();
        let ret = Stmt {
            kind: StmtKind::Return(Some(body)),
            line: bl,
            col: bc,
        };
        let def = FuncDef {
            name: "<lambda>".into(),
            params,
            body: vec![ret].into(),
            line,
            scope,
        };
        Ok(Expr {
            kind: ExprKind::Lambda(Rc::new(def)),
            line,
            col,
        })
    }

    fn or_test(&mut self) -> R<Expr> {
        let saved = self.depth;
        let mut e = self.and_test()?;
        while self.at_kw("or") {
            let (line, col) = (self.tok().line, self.tok().col);
            self.pos += 1;
            self.deeper()?;
            let r = self.and_test()?;
            e = Expr {
                kind: ExprKind::Or(Box::new(e), Box::new(r)),
                line,
                col,
            };
        }
        self.depth = saved;
        Ok(e)
    }

    fn and_test(&mut self) -> R<Expr> {
        let saved = self.depth;
        let mut e = self.not_test()?;
        while self.at_kw("and") {
            let (line, col) = (self.tok().line, self.tok().col);
            self.pos += 1;
            self.deeper()?;
            let r = self.not_test()?;
            e = Expr {
                kind: ExprKind::And(Box::new(e), Box::new(r)),
                line,
                col,
            };
        }
        self.depth = saved;
        Ok(e)
    }

    fn not_test(&mut self) -> R<Expr> {
        let (line, col) = (self.tok().line, self.tok().col);
        if self.eat_kw("not") {
            self.deeper()?;
            let e = self.not_test()?;
            self.depth -= 1;
            return Ok(Expr {
                kind: ExprKind::Not(Box::new(e)),
                line,
                col,
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> R<Expr> {
        let (line, col) = (self.tok().line, self.tok().col);
        let first = self.or_expr()?;
        let mut rest = Vec::new();
        loop {
            let op = match &self.tok().tok {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::Ne,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::Le,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::Ge,
                Tok::Name(n) if n == "in" => CmpOp::In,
                Tok::Name(n) if n == "is" => {
                    self.pos += 1;
                    let op = if self.eat_kw("not") {
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    };
                    rest.push((op, self.or_expr()?));
                    continue;
                }
                Tok::Name(n) if n == "not" => {
                    self.pos += 1;
                    self.expect_kw("in")?;
                    rest.push((CmpOp::NotIn, self.or_expr()?));
                    continue;
                }
                _ => break,
            };
            self.pos += 1;
            rest.push((op, self.or_expr()?));
        }
        if rest.is_empty() {
            Ok(first)
        } else {
            Ok(Expr {
                kind: ExprKind::Compare(Box::new(first), rest),
                line,
                col,
            })
        }
    }

    fn or_expr(&mut self) -> R<Expr> {
        let e = self.arith()?;
        if ["|", "^", "&", "<<", ">>", "@"]
            .iter()
            .any(|o| self.at_op(o))
        {
            return Err(self.err("bitwise operators are outside this subset"));
        }
        Ok(e)
    }

    fn arith(&mut self) -> R<Expr> {
        let saved = self.depth;
        let mut e = self.term()?;
        loop {
            let op = if self.at_op("+") {
                BinOp::Add
            } else if self.at_op("-") {
                BinOp::Sub
            } else {
                break;
            };
            let (line, col) = (self.tok().line, self.tok().col);
            self.pos += 1;
            self.deeper()?;
            let r = self.term()?;
            e = fold(op, e, r, line, col);
        }
        self.depth = saved;
        Ok(e)
    }

    fn term(&mut self) -> R<Expr> {
        let saved = self.depth;
        let mut e = self.factor()?;
        loop {
            let op = match &self.tok().tok {
                Tok::Op("*") => BinOp::Mul,
                Tok::Op("//") => BinOp::FloorDiv,
                Tok::Op("%") => BinOp::Mod,
                Tok::Op("/") => BinOp::Div,
                _ => break,
            };
            let (line, col) = (self.tok().line, self.tok().col);
            self.pos += 1;
            self.deeper()?;
            let r = self.factor()?;
            e = fold(op, e, r, line, col);
        }
        self.depth = saved;
        Ok(e)
    }

    /// One more level of nesting (an operator in a chain counts as one).
    fn deeper(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > 60 {
            return Err(self.err("too deeply nested for this model"));
        }
        Ok(())
    }

    fn factor(&mut self) -> R<Expr> {
        self.depth += 1;
        let r = if self.depth > 60 {
            Err(self.err("too deeply nested for this model"))
        } else {
            self.factor_inner()
        };
        self.depth -= 1;
        r
    }

    fn factor_inner(&mut self) -> R<Expr> {
        let (line, col) = (self.tok().line, self.tok().col);
        if self.eat_op("-") {
            let e = self.factor()?;
            if let ExprKind::Const(Const::Int(v)) = e.kind {
                if let Some(n) = v.checked_neg() {
                    return Ok(Expr {
                        kind: ExprKind::Const(Const::Int(n)),
                        line,
                        col,
                    });
                }
            }
            return Ok(Expr {
                kind: ExprKind::Neg(Box::new(e)),
                line,
                col,
            });
        }
        if self.eat_op("+") {
            return self.factor();
        }
        if self.at_op("~") {
            return Err(self.err("bitwise operators are outside this subset"));
        }
        self.power()
    }

    fn power(&mut self) -> R<Expr> {
        let e = self.primary()?;
        if self.at_op("**") {
            let (line, col) = (self.tok().line, self.tok().col);
            self.pos += 1;
            let r = self.factor()?;
            return Ok(fold(BinOp::Pow, e, r, line, col));
        }
        Ok(e)
    }

    fn primary(&mut self) -> R<Expr> {
        let saved = self.depth;
        let mut e = self.atom()?;
        loop {
            let (line, col) = (self.tok().line, self.tok().col);
            if self.at_op("(") || self.at_op("[") || self.at_op(".") {
                self.deeper()?;
            }
            if self.eat_op("(") {
                self.open_at_end("(", line, col)?;
                let (args, kwargs) = self.call_args()?;
                e = Expr {
                    kind: ExprKind::Call(Box::new(e), args, kwargs),
                    line,
                    col,
                };
            } else if self.eat_op("[") {
                self.open_at_end("[", line, col)?;
                let idx = self.subscript()?;
                self.close("]", "[", line, col)?;
                e = Expr {
                    kind: ExprKind::Subscript(Box::new(e), Box::new(idx)),
                    line,
                    col,
                };
            } else if self.eat_op(".") {
                let n = self.name()?;
                e = Expr {
                    kind: ExprKind::Attr(Box::new(e), n),
                    line,
                    col,
                };
            } else {
                self.depth = saved;
                return Ok(e);
            }
        }
    }

    fn call_args(&mut self) -> R<CallArgs> {
        let (mut args, mut kwargs) = (Vec::new(), Vec::new());
        while !self.at_op(")") {
            if self.at_op("*") || self.at_op("**") {
                return Err(self.err("*args and **kwargs are outside this subset"));
            }
            let is_kw = matches!(&self.tok().tok, Tok::Name(_))
                && matches!(
                    self.toks.get(self.pos + 1).map(|t| &t.tok),
                    Some(Tok::Op("="))
                );
            if is_kw {
                let n = self.name()?;
                self.expect_op("=")?;
                kwargs.push((n, self.test()?));
            } else {
                if !kwargs.is_empty() {
                    return Err(self.err("positional argument follows keyword argument"));
                }
                let a = self.test()?;
                if self.at_kw("for") {
                    return Err(self.err(
                        "generator expressions are outside this subset (use a list comprehension)",
                    ));
                }
                args.push(a);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok((args, kwargs))
    }

    fn subscript(&mut self) -> R<Expr> {
        let (line, col) = (self.tok().line, self.tok().col);
        let lo = if self.at_op(":") {
            None
        } else {
            Some(self.test()?)
        };
        if !self.at_op(":") {
            return lo.ok_or_else(|| self.err("expected an index"));
        }
        self.pos += 1;
        let part = |p: &mut Parser| -> R<Option<Box<Expr>>> {
            if p.at_op(":") || p.at_op("]") {
                Ok(None)
            } else {
                Ok(Some(Box::new(p.test()?)))
            }
        };
        let hi = part(self)?;
        let step = if self.eat_op(":") { part(self)? } else { None };
        Ok(Expr {
            kind: ExprKind::Slice(lo.map(Box::new), hi, step),
            line,
            col,
        })
    }

    fn atom(&mut self) -> R<Expr> {
        let t = self.tok().clone();
        let (line, col) = (t.line, t.col);
        let mk = |kind| Expr { kind, line, col };
        match t.tok {
            Tok::Int(v) => {
                self.pos += 1;
                Ok(mk(ExprKind::Const(Const::Int(v))))
            }
            Tok::Str(s) => {
                self.pos += 1;
                let mut s = s;
                while let Tok::Str(more) = &self.tok().tok {
                    s.push_str(more);
                    self.pos += 1;
                }
                Ok(mk(ExprKind::Const(Const::Str(s))))
            }
            Tok::Name(n) => {
                match n.as_str() {
                    "None" => {
                        self.pos += 1;
                        Ok(mk(ExprKind::None))
                    }
                    "True" | "False" => {
                        self.pos += 1;
                        Ok(mk(ExprKind::Bool(n == "True")))
                    }
                    "yield" => Err(self
                        .err("yield is only supported as a statement: `yield x` or `y = yield x`")),
                    "await" | "async" => Err(self.err("async code is outside this subset")),
                    _ if is_keyword(&n) => Err(self.err(&format!("unexpected '{n}'"))),
                    _ => {
                        self.pos += 1;
                        self.use_name(&n);
                        Ok(mk(ExprKind::Name(n)))
                    }
                }
            }
            Tok::Op("(") => {
                self.pos += 1;
                self.open_at_end("(", line, col)?;
                if self.eat_op(")") {
                    return Ok(mk(ExprKind::Const(Const::Tuple(Vec::new()))));
                }
                let first = self.test()?;
                if self.at_kw("for") {
                    return Err(self.err(
                        "generator expressions are outside this subset (use a list comprehension)",
                    ));
                }
                if self.eat_op(")") {
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op(")") {
                        break;
                    }
                    items.push(self.test()?);
                }
                self.close(")", "(", line, col)?;
                Ok(tuple_or_const(items, line, col))
            }
            Tok::Op("[") => {
                self.pos += 1;
                self.open_at_end("[", line, col)?;
                if self.eat_op("]") {
                    return Ok(mk(ExprKind::List(Vec::new())));
                }
                let marker = (self.names.len(), self.scopes.len());
                let first = self.test()?;
                if self.at_kw("for") {
                    let comp = self.comprehension(first, marker)?;
                    self.close("]", "[", line, col)?;
                    return Ok(mk(ExprKind::ListComp(Rc::new(comp))));
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op("]") {
                        break;
                    }
                    items.push(self.test()?);
                }
                self.close("]", "[", line, col)?;
                Ok(mk(ExprKind::List(items)))
            }
            Tok::Op("{") => {
                self.pos += 1;
                self.open_at_end("{", line, col)?;
                if self.eat_op("}") {
                    return Ok(mk(ExprKind::Dict(Vec::new())));
                }
                let first = self.test()?;
                if self.at_kw("for") {
                    return Err(self.err("dict and set comprehensions are outside this subset"));
                }
                if self.eat_op(":") {
                    let mut pairs = vec![(first, self.test()?)];
                    while self.eat_op(",") {
                        if self.at_op("}") {
                            break;
                        }
                        let k = self.test()?;
                        self.expect_op(":")?;
                        pairs.push((k, self.test()?));
                    }
                    self.close("}", "{", line, col)?;
                    return Ok(mk(ExprKind::Dict(pairs)));
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op("}") {
                        break;
                    }
                    items.push(self.test()?);
                }
                self.close("}", "{", line, col)?;
                Ok(mk(ExprKind::Set(items)))
            }
            Tok::Op(o) => Err(self.err(&format!("unexpected '{o}'"))),
            Tok::Newline | Tok::Eof => Err(match self.unclosed() {
                Some((open, l, c)) => PyError::syntax(&format!("'{open}' was never closed"), l, c),
                None => self.err("unexpected end of line"),
            }),
            Tok::Indent => Err(self.err("unexpected indent")),
            Tok::Dedent => Err(self.err("unexpected dedent")),
        }
    }

    /// `elt` was parsed in the current scope before the `for` showed it to
    /// be a comprehension: its names and any lambdas move into the new scope.
    fn comprehension(&mut self, elt: Expr, marker: (usize, usize)) -> R<Comp> {
        let outer = self.current;
        let scope = self.new_scope(ScopeKind::Function, Vec::new());
        for n in &mut self.names[marker.0..] {
            if n.0 == outer {
                n.0 = scope;
            }
        }
        for s in marker.1..scope {
            if self.scopes[s].parent == Some(outer) {
                self.scopes[s].parent = Some(scope);
            }
        }
        let mut gens = Vec::new();
        let mut first = true;
        while self.eat_kw("for") {
            self.current = scope;
            let target = self.target_list();
            // The first iterable is evaluated in the enclosing scope.
            if first {
                self.current = outer;
            }
            let target = target.and_then(|t| {
                self.expect_kw("in")?;
                Ok(t)
            });
            let iter = target.and_then(|t| Ok((t, self.or_test()?)));
            self.current = scope;
            let (target, iter) = match iter {
                Ok(x) => x,
                Err(e) => {
                    self.current = outer;
                    return Err(e);
                }
            };
            first = false;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                match self.or_test() {
                    Ok(c) => ifs.push(c),
                    Err(e) => {
                        self.current = outer;
                        return Err(e);
                    }
                }
            }
            gens.push((target, iter, ifs));
        }
        self.current = outer;
        Ok(Comp { elt, gens, scope })
    }

    // ---- scopes ----

    fn resolve(&self) -> R<Vec<ScopeInfo>> {
        let n = self.scopes.len();
        let mut infos: Vec<ScopeInfo> = (0..n).map(|_| ScopeInfo::default()).collect();
        let mut used: Vec<Vec<String>> = vec![Vec::new(); n];
        for (i, s) in self.scopes.iter().enumerate() {
            infos[i].locals = s.params.clone();
            infos[i].is_generator = s.is_generator;
            infos[i].is_class = s.kind == ScopeKind::Class;
        }
        for (scope, name, binding) in &self.names {
            let s = &self.scopes[*scope];
            let info = &mut infos[*scope];
            if *binding && !s.globals.contains(name) && !s.nonlocals.iter().any(|n| &n.0 == name) {
                if !info.locals.contains(name) {
                    info.locals.push(name.clone());
                }
            } else if !used[*scope].contains(name) {
                used[*scope].push(name.clone());
            }
        }
        for (i, s) in self.scopes.iter().enumerate() {
            for (nl, _, _) in &s.nonlocals {
                if !used[i].contains(nl) {
                    used[i].push(nl.clone());
                }
            }
        }
        // Children before parents: deepest scopes first.
        let depth = |mut i: usize| {
            let mut d = 0;
            while let Some(p) = self.scopes[i].parent {
                d += 1;
                i = p;
            }
            d
        };
        let mut order: Vec<usize> = (1..n).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(depth(i)));
        let mut needs: Vec<Vec<String>> = vec![Vec::new(); n];
        for i in order {
            let s = &self.scopes[i];
            let mut want: Vec<String> = used[i].clone();
            for c in (1..n).filter(|&c| self.scopes[c].parent == Some(i)) {
                for name in &needs[c] {
                    if !want.contains(name) {
                        want.push(name.clone());
                    }
                    if s.kind == ScopeKind::Function
                        && infos[i].locals.contains(name)
                        && !infos[i].cells.contains(name)
                    {
                        infos[i].cells.push(name.clone());
                    }
                }
            }
            for name in want {
                let local = s.kind == ScopeKind::Function && infos[i].locals.contains(&name);
                if local || s.globals.contains(&name) {
                    continue;
                }
                // Free if some enclosing function binds it.
                let mut p = s.parent;
                let mut found = false;
                while let Some(pi) = p {
                    let ps = &self.scopes[pi];
                    if ps.kind == ScopeKind::Function && infos[pi].locals.contains(&name) {
                        found = true;
                        break;
                    }
                    p = ps.parent;
                }
                if found {
                    // A class body reads its own locals; methods pass through it.
                    let class_local = s.kind == ScopeKind::Class && infos[i].locals.contains(&name);
                    if !class_local && !infos[i].frees.contains(&name) {
                        infos[i].frees.push(name.clone());
                    }
                    if !needs[i].contains(&name) {
                        needs[i].push(name);
                    }
                } else if let Some((_, line, col)) = s.nonlocals.iter().find(|n| n.0 == name) {
                    return Err(PyError::syntax(
                        &format!("no binding for nonlocal '{name}' found"),
                        *line,
                        *col,
                    ));
                }
            }
        }
        Ok(infos)
    }
}

fn tuple_or_const(items: Vec<Expr>, line: u32, col: u32) -> Expr {
    let consts: Option<Vec<Const>> = items
        .iter()
        .map(|e| match &e.kind {
            ExprKind::Const(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    match consts {
        Some(c) => Expr {
            kind: ExprKind::Const(Const::Tuple(c)),
            line,
            col,
        },
        None => Expr {
            kind: ExprKind::Tuple(items),
            line,
            col,
        },
    }
}

/// CPython's compiler folds `2 + 3` and `"a" + "b"` into one constant; the
/// model does the same for ints and strs so identities match.
fn fold(op: BinOp, l: Expr, r: Expr, line: u32, col: u32) -> Expr {
    let folded = match (&l.kind, &r.kind) {
        (ExprKind::Const(Const::Int(a)), ExprKind::Const(Const::Int(b))) => match op {
            BinOp::Add => a.checked_add(*b).map(Const::Int),
            BinOp::Sub => a.checked_sub(*b).map(Const::Int),
            BinOp::Mul => a.checked_mul(*b).map(Const::Int),
            _ => None,
        },
        (ExprKind::Const(Const::Str(a)), ExprKind::Const(Const::Str(b))) if op == BinOp::Add => {
            Some(Const::Str(format!("{a}{b}")))
        }
        _ => None,
    };
    match folded {
        Some(c) => Expr {
            kind: ExprKind::Const(c),
            line,
            col,
        },
        None => Expr {
            kind: ExprKind::Bin(op, Box::new(l), Box::new(r)),
            line,
            col,
        },
    }
}

fn is_keyword(n: &str) -> bool {
    matches!(
        n,
        "False"
            | "None"
            | "True"
            | "and"
            | "as"
            | "assert"
            | "async"
            | "await"
            | "break"
            | "class"
            | "continue"
            | "def"
            | "del"
            | "elif"
            | "else"
            | "except"
            | "finally"
            | "for"
            | "from"
            | "global"
            | "if"
            | "import"
            | "in"
            | "is"
            | "lambda"
            | "nonlocal"
            | "not"
            | "or"
            | "pass"
            | "raise"
            | "return"
            | "try"
            | "while"
            | "with"
            | "yield"
    )
}

//! The syntax tree of the subset. Blocks are `Rc<[Stmt]>` so a suspended
//! frame (a generator) can hold its place in them cheaply.

use std::rc::Rc;

pub type Block = Rc<[Stmt]>;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Const {
    Int(i64),
    Str(String),
    Tuple(Vec<Const>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    Pow,
    Div,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A literal int, str or tuple of those: one object per code unit.
    Const(Const),
    None,
    Bool(bool),
    Name(String),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Set(Vec<Expr>),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Attr(Box<Expr>, String),
    Call(Box<Expr>, Vec<Expr>, Vec<(String, Expr)>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Rc<FuncDef>),
    ListComp(Rc<Comp>),
}

/// `[elt for target in iter if cond ...]`, run in its own scope.
#[derive(Debug)]
pub struct Comp {
    pub elt: Expr,
    pub gens: Vec<(Expr, Expr, Vec<Expr>)>,
    pub scope: usize,
}

#[derive(Debug)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
}

#[derive(Debug)]
pub struct FuncDef {
    pub name: String,
    pub params: Vec<Param>,
    pub body: Block,
    pub line: u32,
    pub scope: usize,
}

#[derive(Clone, Debug)]
pub struct Handler {
    /// `None` for a bare `except:`.
    pub class: Option<String>,
    pub body: Block,
    pub line: u32,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    /// `yield value` or `targets = yield value`.
    Yield(Vec<Expr>, Option<Expr>),
    Def(Rc<FuncDef>),
    Class(String, Block, usize),
    Return(Option<Expr>),
    If(Vec<(Expr, Block)>, Option<Block>),
    For(Expr, Expr, Block),
    While(Expr, Block),
    Try(Block, Rc<[Handler]>),
    Del(Vec<Expr>),
    Import(Vec<String>),
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Pass,
    Break,
    Continue,
}

/// What a scope binds and needs, worked out after parsing.
#[derive(Clone, Debug, Default)]
pub struct ScopeInfo {
    /// Local names in order of first binding (parameters first).
    pub locals: Vec<String>,
    /// Locals that inner functions capture: they live in cells.
    pub cells: Vec<String>,
    /// Names captured from enclosing functions, in closure order.
    pub frees: Vec<String>,
    pub is_generator: bool,
    pub is_class: bool,
}

/// A parsed program: its statements and the scope table.
#[derive(Debug)]
pub struct Program {
    pub body: Block,
    pub scopes: Vec<ScopeInfo>,
    /// First line of each top-level statement (for checkpoints).
    pub top_lines: Vec<u32>,
}

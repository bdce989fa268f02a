//! How each role looks: a CSS class (colour and pattern, see
//! style/algo.css) and a glyph, so no role depends on colour alone.

use crate::algo::Role;

/// Every role, in legend order.
pub const ALL: [Role; 11] = [
    Role::Normal,
    Role::Compared,
    Role::Swapped,
    Role::Written,
    Role::Pivot,
    Role::Min,
    Role::Mid,
    Role::Held,
    Role::Found,
    Role::Sorted,
    Role::Outside,
];

pub fn class(role: Role) -> &'static str {
    match role {
        Role::Normal => "role-normal",
        Role::Compared => "role-compared",
        Role::Swapped => "role-swapped",
        Role::Written => "role-written",
        Role::Pivot => "role-pivot",
        Role::Min => "role-min",
        Role::Mid => "role-mid",
        Role::Held => "role-held",
        Role::Found => "role-found",
        Role::Sorted => "role-sorted",
        Role::Outside => "role-outside",
    }
}

/// The mark drawn over a bar or in a box's corner.
pub fn glyph(role: Role) -> &'static str {
    match role {
        Role::Normal | Role::Outside => "",
        Role::Compared => "?",
        Role::Swapped => "⇄",
        Role::Written => "✎",
        Role::Pivot => "P",
        Role::Min => "m",
        Role::Mid => "▼",
        Role::Held => "↑",
        Role::Found => "★",
        Role::Sorted => "✓",
    }
}

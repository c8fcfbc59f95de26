//! Accounts: registration, email verification, login with throttling, password reset, API tokens.

mod actor;
pub mod api_tokens;
mod login;
mod password;
mod register;
mod reset;
pub(crate) mod secret;

pub use actor::{actor_for, actor_for_token};
pub use login::{login, LOGIN_FAILURE_LIMIT, LOGIN_WINDOW_MINUTES};
pub use password::{hash_password, verify_password};
pub use register::{register, resend_verification, verify_email, Registration};
pub use reset::{request_password_reset, reset_password};

//! Shared state of every handler.

use crate::router::WebConfig;
use metrics_exporter_prometheus::PrometheusHandle;
use tandem_app::App;

/// What handlers receive: the use cases, the web settings and the metrics registry.
#[derive(Clone)]
pub struct AppState {
    /// The use cases.
    pub app: App,
    /// Web settings.
    pub config: WebConfig,
    /// Renders `/metrics`; `None` when no recorder is installed (tests).
    pub metrics: Option<PrometheusHandle>,
}

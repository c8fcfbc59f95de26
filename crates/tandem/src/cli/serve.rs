//! `tandem serve` (and the server half of `tandem demo`): the web server with its background
//! workers (outbox sender, session cleanup, metrics upkeep, scheduled jobs), stopped gracefully
//! on Ctrl-C or SIGTERM.

use super::{create_data_dir, open_app, user_error};
use crate::config::Config;
use anyhow::Context as _;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::net::SocketAddr;
use std::time::Duration;
use tandem_app::mail::sender::Sender;
use tandem_app::{App, SessionStore};
use tandem_web::{AppState, WebConfig, router};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;
use tower_sessions::session_store::ExpiredDeletion as _;

/// How often the outbox is polled for emails to send.
const MAIL_POLL: Duration = Duration::from_secs(2);
/// How often expired sessions are deleted.
const SESSION_CLEANUP: Duration = Duration::from_secs(15 * 60);
/// How often the metrics registry is maintained (histograms drained).
const METRICS_UPKEEP: Duration = Duration::from_secs(5);
/// How long the workers get to finish their round after the server stopped.
const WORKER_GRACE: Duration = Duration::from_secs(15);

/// Runs the server until Ctrl-C or SIGTERM; with `demo_smes`, seeds the demo first.
pub async fn run(config: &Config, demo_smes: Option<usize>) -> anyhow::Result<()> {
    // Caught from here on, so a signal during start-up also ends in an orderly stop.
    let shutdown = Shutdown::install()?;
    create_data_dir(config)?;
    let listener = TcpListener::bind(&config.addr)
        .await
        .map_err(|e| user_error(format!("cannot listen on {} (--addr / TANDEM_ADDR): {e}", config.addr)))?;
    let bound = listener.local_addr().context("cannot read the address the server listens on")?;
    let base_url = config.public_url(bound);
    let app = open_app(config, base_url.clone()).await?;
    let outcome = serve(config, &app, listener, bound, &base_url, demo_smes, shutdown).await;
    app.db().close().await;
    tracing::info!("stopped");
    outcome
}

async fn serve(
    config: &Config,
    app: &App,
    listener: TcpListener,
    bound: SocketAddr,
    base_url: &str,
    demo_smes: Option<usize>,
    shutdown: Shutdown,
) -> anyhow::Result<()> {
    if let Some(smes) = demo_smes {
        tracing::info!(smes, "seeding the demo data if the database is empty");
        let report = tandem_app::demo::seed(app, smes).await.context("the demo data could not be added")?;
        println!("{}", super::demo::banner(&report, base_url));
    }
    let metrics = PrometheusBuilder::new().install_recorder().context("cannot install the metrics recorder")?;
    let sender = Sender::new(app.clone()).map_err(|e| {
        if config.smtp_url.is_some() { user_error(e.to_string()) } else { anyhow::Error::new(e) }
    })?;

    let (stop, stopped) = watch::channel(());
    let mut workers = JoinSet::new();
    workers.spawn(sender.run(MAIL_POLL, until_stopped(stopped.clone())));
    workers.spawn(delete_expired_sessions(app.session_store(), stopped.clone()));
    workers.spawn(upkeep_metrics(metrics.clone(), stopped.clone()));
    if config.jobs_interval_secs > 0 {
        let interval = Duration::from_secs(config.jobs_interval_secs);
        tracing::info!(every_secs = config.jobs_interval_secs, "scheduled jobs on");
        workers.spawn(tandem_app::jobs::run_every(app.clone(), interval, until_stopped(stopped)));
    } else {
        tracing::info!("scheduled jobs off (jobs_interval_secs = 0): run `tandem jobs run` from cron");
    }

    let state = AppState {
        app: app.clone(),
        config: WebConfig { secure_cookies: base_url.starts_with("https://") },
        metrics: Some(metrics),
    };
    let service = router(state).into_make_service_with_connect_info::<SocketAddr>();
    tracing::info!(addr = %bound, url = %base_url, "listening");
    // Tests and scripts read this line to learn the port (with --addr 127.0.0.1:0).
    println!("listening on http://{bound}");
    if base_url != format!("http://{bound}") {
        println!("public URL {base_url}");
    }
    // Stops accepting on the signal, then waits for the requests in flight.
    let served = axum::serve(listener, service).with_graceful_shutdown(shutdown.wait()).await;

    drop(stop);
    let finished = tokio::time::timeout(WORKER_GRACE, async {
        while let Some(joined) = workers.join_next().await {
            if let Err(e) = joined {
                tracing::error!(error = %e, "a background worker failed");
            }
        }
    })
    .await;
    if finished.is_err() {
        tracing::warn!("background workers did not stop in time; abandoning them");
        workers.abort_all();
    }
    served.context("the web server failed")
}

/// Resolves when the stop channel's sender is dropped.
async fn until_stopped(mut stopped: watch::Receiver<()>) {
    while stopped.changed().await.is_ok() {}
}

async fn delete_expired_sessions(store: SessionStore, mut stopped: watch::Receiver<()>) {
    let mut tick = tokio::time::interval(SESSION_CLEANUP);
    loop {
        tokio::select! {
            changed = stopped.changed() => if changed.is_err() { break },
            _ = tick.tick() => {
                if let Err(error) = store.delete_expired().await {
                    tracing::warn!(%error, "expired sessions could not be deleted");
                }
            }
        }
    }
}

async fn upkeep_metrics(metrics: PrometheusHandle, mut stopped: watch::Receiver<()>) {
    let mut tick = tokio::time::interval(METRICS_UPKEEP);
    loop {
        tokio::select! {
            changed = stopped.changed() => if changed.is_err() { break },
            _ = tick.tick() => metrics.run_upkeep(),
        }
    }
}

/// The signals that stop the server.
struct Shutdown {
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
}

impl Shutdown {
    /// Starts catching Ctrl-C (SIGINT) and SIGTERM.
    fn install() -> anyhow::Result<Shutdown> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Shutdown {
                terminate: signal(SignalKind::terminate()).context("cannot catch SIGTERM")?,
                interrupt: signal(SignalKind::interrupt()).context("cannot catch Ctrl-C")?,
            })
        }
        #[cfg(not(unix))]
        {
            Ok(Shutdown {})
        }
    }

    /// Resolves on the first signal.
    #[cfg_attr(not(unix), allow(unused_mut))]
    async fn wait(mut self) {
        #[cfg(unix)]
        let which = tokio::select! {
            _ = self.terminate.recv() => "SIGTERM",
            _ = self.interrupt.recv() => "Ctrl-C",
        };
        #[cfg(not(unix))]
        let which = match tokio::signal::ctrl_c().await {
            Ok(()) => "Ctrl-C",
            Err(_) => std::future::pending().await,
        };
        tracing::info!(signal = which, "shutting down: no new connections; finishing requests in flight");
    }
}

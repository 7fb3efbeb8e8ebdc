namespace Inquir.Typed;

/// <summary>Settings of the Inquir.Typed runtime; set in <c>AddInquir</c> or bound from the <c>Inquir</c> configuration section.</summary>
public sealed class InquirOptions
{
    /// <summary>The default of <see cref="MaxInputBytes"/> and <see cref="MaxStepOutputBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxPayloadBytes = 1024 * 1024;

    /// <summary>The PostgreSQL connection string; set by <c>UsePostgres</c> of <c>Inquir.Typed.Postgres</c> or by <c>Inquir:ConnectionString</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema that holds the runtime's tables. Default <c>inquir</c>.</summary>
    public string Schema { get; set; } = "inquir";

    /// <summary>Whether the schema is created and upgraded when the runtime first touches the database. Default on.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>The largest input, in UTF-8 bytes of its JSON, that a start accepts. Default 1 MiB.</summary>
    public int MaxInputBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>The largest step output, in UTF-8 bytes of its JSON, that is checkpointed; a larger one fails the attempt. Default 1 MiB.</summary>
    public int MaxStepOutputBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>
    /// The <c>statement_timeout</c> of the runtime's connections: a statement that runs longer is cancelled by the
    /// server. Zero turns it off. Default 30 s. An <c>Options</c> setting in the connection string takes precedence.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The <c>idle_in_transaction_session_timeout</c> of the runtime's connections: a session left idle inside a
    /// transaction is ended by the server. Zero turns it off. Default 60 s. An <c>Options</c> setting in the
    /// connection string takes precedence.
    /// </summary>
    public TimeSpan IdleInTransactionSessionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The worker's settings.</summary>
    public WorkerOptions Worker { get; set; } = new();

    /// <summary>Which lines of <see cref="StepContext.Logger"/> are kept with each attempt.</summary>
    public AttemptLogOptions AttemptLogs { get; set; } = new();

    /// <summary>How long finished runs are kept, and how often the host deletes older ones.</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>Schedules by name, from <c>Inquir:Schedules</c>: new ones, or overrides of <see cref="ScheduleAttribute"/> values.</summary>
    public Dictionary<string, ScheduleSettings> Schedules { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Concurrency and rate limits by name, from code (<c>o.Limits.Add("stripe", concurrency: 20, rate: "100/1s")</c>) or
    /// <c>Inquir:Limits:{name}</c>; every worker on every machine counts against them.
    /// </summary>
    public LimitOptions Limits { get; } = new();

    /// <summary>
    /// The store, set by its package: <c>UsePostgres</c> of <c>Inquir.Typed.Postgres</c> or <c>UseSqlite</c> of
    /// <c>Inquir.Typed.Sqlite</c>, in code or through their configuration keys; <see langword="null"/> until one is chosen.
    /// </summary>
    internal Storage.StoreBackend? Store { get; set; }

    /// <summary>
    /// Alert rules by name (failure rate, queue lag, no live worker), from code (<c>o.Alerts.Add(name, rule)</c>,
    /// <c>o.Alerts.QueueLag(...)</c>, <c>o.Alerts.NoLiveWorker(...)</c>) or <c>Inquir:Alerts:{name}</c>;
    /// evaluated from the database by one process at a time.
    /// </summary>
    public Dictionary<string, AlertRule> Alerts { get; } = new(StringComparer.Ordinal);

    /// <summary>How the alert rules are evaluated and where their notices go.</summary>
    public AlertingOptions Alerting { get; set; } = new();

    /// <summary>
    /// Per-run notifications by workflow name, from code (<c>o.Notifications["export-data"] = new RunNotification { Webhook = "ops" }</c>)
    /// or <c>Inquir:Notifications:{workflow}</c>: a signed webhook POST when one of its runs ends as asked.
    /// </summary>
    public Dictionary<string, RunNotification> Notifications { get; } = new(StringComparer.Ordinal);

    /// <summary>The webhooks notifications are posted to, by the name a <see cref="RunNotification.Webhook"/> gives; from <c>Inquir:NotificationWebhooks:{name}</c>.</summary>
    public Dictionary<string, NotificationWebhookOptions> NotificationWebhooks { get; } = new(StringComparer.Ordinal);
}


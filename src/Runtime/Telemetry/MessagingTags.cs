using System.Diagnostics;

namespace Inquir.Typed;

/// <summary>
/// OpenTelemetry's messaging semantic conventions as Inquir.Typed applies them, so that generic messaging dashboards
/// group runs without a mapping: a run is a message, starting it <c>create</c>s it, each step attempt
/// <c>process</c>es it and its end <c>settle</c>s it. They come on top of the <c>inquir.*</c> attributes (docs/alerts-and-telemetry.md).
/// </summary>
internal static class MessagingTags
{
    public const string System = "messaging.system";

    public const string DestinationName = "messaging.destination.name";

    public const string OperationType = "messaging.operation.type";

    public const string OperationName = "messaging.operation.name";

    public const string MessageId = "messaging.message.id";

    /// <summary>The value of <c>messaging.system</c>.</summary>
    public const string SystemName = "inquir";

    public const string Create = "create";

    public const string Process = "process";

    public const string Settle = "settle";

    /// <summary>
    /// The destination of a workflow's runs: the queue it names with <see cref="WorkflowAttribute.Queue"/>, where
    /// runs of several workflows wait together; otherwise the workflow itself (every workflow without a queue of its
    /// own shares the <c>default</c> queue, which would put them all under one name).
    /// </summary>
    public static string Destination(WorkflowDescriptor workflow) =>
        workflow.Queue == QueueName.Default ? workflow.Name : workflow.Queue;

    /// <summary>A metric's tags: the messaging ones for the operation, then the instrument's own.</summary>
    public static TagList Of(string? destination, string operationType, params ReadOnlySpan<KeyValuePair<string, object?>> own)
    {
        var tags = new TagList { { System, SystemName }, { OperationType, operationType } };
        if (destination is not null)
        {
            tags.Add(DestinationName, destination);
        }

        foreach (var tag in own)
        {
            tags.Add(tag);
        }

        return tags;
    }

    /// <summary>Sets the messaging attributes of a span about one run.</summary>
    public static void Set(Activity activity, string destination, string operationType, string operationName, Guid runId)
    {
        activity.SetTag(System, SystemName);
        activity.SetTag(DestinationName, destination);
        activity.SetTag(OperationType, operationType);
        activity.SetTag(OperationName, operationName);
        activity.SetTag(MessageId, runId.ToString("D"));
    }
}

using System.ComponentModel.DataAnnotations;

namespace Dispatch.Functions.Hosting;

/// <summary>Section "Dispatch", the Functions-only part: how long an HTTP action waits for its order's
/// orchestration to rule. Where links point and how long they last, and the key that signs them, are in the
/// same section, read by the shared layer (<see cref="Dispatch.App.SignedLinks.PublicLinkOptions"/>:
/// Dispatch__PublicBaseUrl, …; <see cref="Dispatch.App.SignedLinks.SigningKeyOptions"/>: Dispatch__SigningKey, …).</summary>
public sealed class DispatchOptions
{
    /// <summary>How long an action (accept, confirm, …) waits for the orchestration to apply the event
    /// before answering 202 Accepted with the current view.</summary>
    public TimeSpan ActionWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first pause between two reads of the order row while an action waits; it doubles up to
    /// 1 s. The orchestration's status is read only once the order's version has moved (then once per pause, until
    /// the ruling shows), and once at the end.</summary>
    public TimeSpan ActionPoll { get; set; } = TimeSpan.FromMilliseconds(50);
}

/// <summary>Where the assignment queue lives (app setting AssignmentsQueue).</summary>
public sealed class AssignmentOptions
{
    [Required]
    public string QueueName { get; set; } = "assignments";
}

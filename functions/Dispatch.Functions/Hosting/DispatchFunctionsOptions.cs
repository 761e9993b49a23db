using System.ComponentModel.DataAnnotations;

namespace Dispatch.Functions.Hosting;

/// <summary>Section "Tokens": the secret that signs residents', members' and organizers' links
/// (app setting Tokens__SigningKey, a Key Vault reference in Azure).</summary>
public sealed class TokenOptions
{
    [Required, MinLength(16)]
    public string SigningKey { get; set; } = "";
}

/// <summary>Section "Dispatch": where links point, how long they last, how long an HTTP action waits for
/// its order's orchestration to rule.</summary>
public sealed class DispatchOptions
{
    /// <summary>Base of the links sent to residents and members (Dispatch__PublicBaseUrl).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    public TimeSpan ResidentLinkLifetime { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan MemberLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan OrganizerLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an action (accept, confirm, …) waits for the orchestration to apply the event
    /// before answering 202 Accepted with the current view.</summary>
    public TimeSpan ActionWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Poll interval while waiting for the orchestration.</summary>
    public TimeSpan ActionPoll { get; set; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>Where the assignment queue lives (app setting AssignmentsQueue).</summary>
public sealed class AssignmentOptions
{
    [Required]
    public string QueueName { get; set; } = "assignments";
}

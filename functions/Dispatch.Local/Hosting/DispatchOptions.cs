using System.ComponentModel.DataAnnotations;

namespace Dispatch.Local.Hosting;

/// <summary>Settings of the local host (section "Dispatch").</summary>
public sealed class DispatchOptions
{
    /// <summary>Secret that signs residents', members' and organizers' links. Local default only; set your own.</summary>
    [Required, MinLength(16)]
    public string SigningKey { get; set; } = "";

    /// <summary>Where links point (the tracking page, the member's inbox).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Seed one demo community with grids, buildings and about 50 members on start (idempotent).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>How often the timer pump, the queue consumer and the outbox sweeper look for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Run the background loops. Tests switch them off and pump by hand under a controlled clock.</summary>
    public bool RunBackgroundLoops { get; set; } = true;

    public TimeSpan ResidentLinkLifetime { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan MemberLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan OrganizerLinkLifetime { get; set; } = TimeSpan.FromDays(7);
}

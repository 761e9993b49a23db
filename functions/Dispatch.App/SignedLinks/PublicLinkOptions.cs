using System.ComponentModel.DataAnnotations;

namespace Dispatch.App.SignedLinks;

/// <summary>Section "Dispatch" in both hosts: where links point and how long they last.</summary>
public sealed class PublicLinkOptions
{
    /// <summary>Base of the links sent to residents and members (the tracking page, the inbox).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public TimeSpan ResidentLinkLifetime { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan MemberLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long an offer link keeps opening its order after the offer's deadline, so a member who taps it at
    /// the last second still sees the order (and that the time to reply is up) rather than a bare expired link.</summary>
    public TimeSpan OfferLinkGrace { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan OrganizerLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A community's registration link is printed on posters and shared in groups, so it lasts long.</summary>
    public TimeSpan RegistrationLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    public string Absolute(string path) => PublicBaseUrl.TrimEnd('/') + path;
}

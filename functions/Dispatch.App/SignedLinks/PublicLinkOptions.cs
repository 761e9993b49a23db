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

    public TimeSpan OrganizerLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A community's registration link is printed on posters and shared in groups, so it lasts long.</summary>
    public TimeSpan RegistrationLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    public string Absolute(string path) => PublicBaseUrl.TrimEnd('/') + path;
}

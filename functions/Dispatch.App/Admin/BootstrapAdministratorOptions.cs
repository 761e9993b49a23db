namespace Dispatch.App.Admin;

/// <summary>Section "Dispatch:BootstrapAdministrator" (Dispatch__BootstrapAdministrator__Phone, …__Name): the first
/// district administrator of a new deployment, who then adds communities and their organizers on admin.html.
/// Unset, nobody is added.</summary>
public sealed class BootstrapAdministratorOptions
{
    public const string Section = "Dispatch:BootstrapAdministrator";

    /// <summary>Their mainland mobile number (how they sign in).</summary>
    public string? Phone { get; set; }

    /// <summary>Their name as pages show it; "管理员" when left out.</summary>
    public string? Name { get; set; }
}

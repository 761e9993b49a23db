using System.Security.Cryptography;
using System.Text;
using Dispatch.Core.Privacy;
using Dispatch.Core.Registry;
using Dispatch.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.App.Admin;

/// <summary>Seeds the administrator of <see cref="BootstrapAdministratorOptions"/> on start, on both hosts (after
/// the tables exist). Idempotent: the id is derived from the phone, so every start writes the same row, and two
/// instances starting together write it once between them. A phone that is not a mobile number stops the start
/// with the setting's name, like the signing key.</summary>
public sealed class AdministratorBootstrap(OrgDirectory org, IOptions<BootstrapAdministratorOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Administrator(options.Value) is { } admin)
        {
            await org.UpsertAdministratorAsync(admin, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The administrator the settings name, or null when none is set.</summary>
    public static Administrator? Administrator(BootstrapAdministratorOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Phone))
        {
            return null;
        }

        var phone = MemberForm.NormalizePhone(settings.Phone.Trim());
        if (!Phone.IsMobile(phone))
        {
            throw new InvalidOperationException(
                $"{BootstrapAdministratorOptions.Section}:Phone is not an 11-digit mainland mobile number (1[3-9]…). Fix the setting or remove it.");
        }

        // Not the phone itself: ids end up in URLs and logs, phones must not.
        var id = "admin-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(phone!)))[..12];
        var name = string.IsNullOrWhiteSpace(settings.Name) ? "管理员" : settings.Name.Trim();
        return new Administrator(id, name, phone!);
    }
}

using System.Text;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Registry;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Registry;

/// <summary>Bulk import of the member list organizers keep (CSV): a preview that stores nothing, then the import
/// itself. Keyed by phone: a row whose phone is a member here already is left as it is, so importing the same file
/// again adds nothing.</summary>
public sealed class MemberImportUseCases(MemberStore members, OrgDirectory org)
{
    /// <summary>About 20,000 rows of a few dozen characters.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public const int PreviewRows = 200;

    public async Task<IResult> PreviewAsync(OrganizerLink organizer, HttpRequest request, CancellationToken ct)
    {
        var (plan, existing) = await ReadAsync(organizer, request, ct);
        var preview = plan.Rows.Take(PreviewRows).Select(r => new ImportRowView(
            r.Row, r.Details.Name, r.Details.Phone, r.Details.Home.GridId, r.Details.Home.BuildingId,
            [.. r.Details.Skills.Select(s => s.ToString()).Order(StringComparer.Ordinal)], existing.Contains(r.Details.Phone)));
        var known = plan.Rows.Count(r => existing.Contains(r.Details.Phone));
        return Results.Ok(new ImportReport(plan.Rows.Length, plan.Rows.Length - known, known, 0, plan.Errors, [.. preview]));
    }

    /// <summary>Adds the valid rows whose phone is new, 50 to a transaction; bad rows are reported, not imported.</summary>
    public async Task<IResult> ImportAsync(OrganizerLink organizer, HttpRequest request, CancellationToken ct)
    {
        var (plan, existing) = await ReadAsync(organizer, request, ct);
        var fresh = plan.Rows.Where(r => !existing.Contains(r.Details.Phone)).ToList();
        var added = await members.AddManyAsync([.. fresh.Select(r => r.Details.ToMember(MemberRegistry.NewMemberId()))], ct);
        return Results.Ok(new ImportReport(plan.Rows.Length, fresh.Count, plan.Rows.Length - fresh.Count, added, plan.Errors));
    }

    private async Task<(ImportPlan Plan, HashSet<string> ExistingPhones)> ReadAsync(OrganizerLink organizer, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(request);
        var community = organizer.CommunityId;
        var csv = await ReadTextAsync(request, ct);
        var tree = await org.GetCommunityAsync(community, ct);
        var directory = new ImportDirectory(
            RegistryViews.Places(community, tree),
            tree?.Grids.GroupBy(g => g.NameZh).ToDictionary(g => g.Key, g => g.First().GridId) ?? [],
            tree?.Buildings.GroupBy(b => (b.GridId, b.NameZh)).ToDictionary(g => g.Key, g => g.First().BuildingId) ?? []);
        var plan = MemberImport.Read(csv, directory);
        var phones = (await members.ListAsync(community, ct)).Select(m => m.Phone).ToHashSet(StringComparer.Ordinal);
        return (plan, phones);
    }

    /// <summary>The body as UTF-8 text, at most <see cref="MaxBytes"/>.</summary>
    private static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
                {
                    ["file"] = [$"文件不能超过 {MaxBytes / 1024 / 1024} MB。 The file must be at most {MaxBytes / 1024 / 1024} MB."],
                }));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                ["file"] = ["请将文件另存为 UTF-8 编码的 CSV。 Save the file as UTF-8 CSV."],
            }));
        }
    }
}

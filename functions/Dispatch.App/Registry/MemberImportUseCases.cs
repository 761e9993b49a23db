using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Registry;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Registry;

/// <summary>Bulk import of the member list organizers keep (CSV or XLSX, <see cref="ImportFile"/>): a preview that
/// stores nothing, then the import itself. Keyed by phone: a row whose phone is a member here already is left as it
/// is, so importing the same file again adds nothing.</summary>
public sealed class MemberImportUseCases(MemberStore members, OrgDirectory org)
{
    public const int PreviewRows = 200;

    public async Task<IResult> PreviewAsync(CommunityOrganizerLink organizer, HttpRequest request, CancellationToken ct)
    {
        var (plan, existing) = await ReadAsync(organizer, request, ct);
        var preview = plan.Rows.Take(PreviewRows).Select(r => new ImportRowView(
            r.Row, r.Details.Name, r.Details.Phone, r.Details.Home.GridId, r.Details.Home.BuildingId,
            [.. r.Details.Skills.Select(s => s.ToString()).Order(StringComparer.Ordinal)], existing.Contains(r.Details.Phone)));
        var known = plan.Rows.Count(r => existing.Contains(r.Details.Phone));
        return Results.Ok(new ImportReport(plan.Rows.Length, plan.Rows.Length - known, known, 0, plan.Errors, [.. preview]));
    }

    /// <summary>Adds the valid rows whose phone is new, 50 to a transaction; bad rows are reported, not imported. With
    /// <paramref name="skip"/> and <paramref name="take"/>, only that slice of the valid rows (in file order) is added, so
    /// a page can import a long file in steps and show how far it got; the counts are the slice's. The whole file is read
    /// each time, so a slice sees the same rows, errors and duplicates as the whole.</summary>
    public async Task<IResult> ImportAsync(CommunityOrganizerLink organizer, HttpRequest request, int? skip, int? take, CancellationToken ct)
    {
        if (skip is < 0 || take is < 1)
        {
            throw new ApiProblemException(ApiProblem.Validation(new Dictionary<string, string[]>
            {
                [skip is < 0 ? "skip" : "take"] = ["skip 不小于 0，take 不小于 1。 skip is at least 0 and take at least 1."],
            }));
        }

        var (plan, existing) = await ReadAsync(organizer, request, ct);
        var slice = plan.Rows.Skip(skip ?? 0).Take(take ?? plan.Rows.Length).ToList();
        var fresh = slice.Where(r => !existing.Contains(r.Details.Phone)).ToList();
        var added = await members.AddManyAsync([.. fresh.Select(r => plan.MemberOf(r, MemberRegistry.NewMemberId()))], ct);
        return Results.Ok(new ImportReport(slice.Count, fresh.Count, slice.Count - fresh.Count, added, plan.Errors));
    }

    private async Task<(ImportPlan Plan, HashSet<string> ExistingPhones)> ReadAsync(CommunityOrganizerLink organizer, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var community = organizer.CommunityId;
        var sheet = await ImportFile.ReadAsync(request, ct);
        var plan = MemberImport.Read(sheet, RegistryViews.Directory(community, await org.GetCommunityAsync(community, ct)));
        var phones = (await members.ListAsync(community, ct)).Select(m => m.Phone).ToHashSet(StringComparer.Ordinal);
        return (plan, phones);
    }
}

using System.Collections.Immutable;
using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Privacy;

namespace Dispatch.Core.Registry;

/// <summary>Checks a member's details (an organizer's add or edit, a self-registration) against the community's
/// directory. Every bad field gets its own message, Chinese first, before anything is stored.</summary>
public static class MemberForm
{
    public const int MaxName = 40;
    public const int MaxPledge = 200;
    public const int MaxSlots = 21;

    /// <exception cref="ApiProblemException">Validation, one message per bad field.</exception>
    public static MemberDetails Validate(MemberRequest? form, CommunityPlaces places) =>
        form is null
            ? throw Missing()
            : Check(form.Name, form.Phone, form.GridId, form.BuildingId, form.Skills, form.Availability, places, new Dictionary<string, string[]>());

    /// <exception cref="ApiProblemException">Validation, one message per bad field.</exception>
    public static (MemberDetails Details, string? Pledge) Validate(RegistrationRequest? form, CommunityPlaces places)
    {
        if (form is null)
        {
            throw Missing();
        }

        var errors = new Dictionary<string, string[]>();
        var pledge = string.IsNullOrWhiteSpace(form.Pledge) ? null : form.Pledge.Trim();
        if (pledge?.Length > MaxPledge)
        {
            errors["pledge"] = [$"承诺最多 {MaxPledge} 个字。 At most {MaxPledge} characters."];
        }

        FreeText.Check(pledge, "pledge", multiLine: true, errors);
        return (Check(form.Name, form.Phone, form.GridId, form.BuildingId, form.Skills, form.Availability, places, errors), pledge);
    }

    /// <summary>A mainland mobile number as people write it: spaces and dashes dropped, a leading +86 allowed.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = phone.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.StartsWith("+86", StringComparison.Ordinal) ? digits[3..] : digits;
    }

    private static MemberDetails Check(
        string? rawName, string? rawPhone, string? rawGrid, string? rawBuilding, IReadOnlyList<string?>? rawSkills,
        IReadOnlyList<SlotRequest?>? rawSlots, CommunityPlaces places, Dictionary<string, string[]> errors)
    {
        var name = rawName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxName)
        {
            errors["name"] = [$"请填写姓名（1–{MaxName} 个字）。 A name of 1–{MaxName} characters."];
        }

        FreeText.Check(name, "name", multiLine: false, errors);

        var phone = NormalizePhone(rawPhone);
        if (!Phone.IsMobile(phone))
        {
            errors["phone"] = ["请填写 11 位手机号码。 An 11-digit mainland mobile number (1[3-9]…)."];
        }

        var grid = rawGrid?.Trim();
        var building = rawBuilding?.Trim();
        if (!Ids.IsValid(grid) || !places.HasGrid(grid!))
        {
            errors["gridId"] = ["请选择本社区的网格。 Choose a grid of this community."];
        }
        else if (!Ids.IsValid(building) || !places.HasBuilding(grid!, building!))
        {
            errors["buildingId"] = ["请选择该网格的楼栋。 Choose a building of that grid."];
        }

        var skills = Skills(rawSkills, errors);
        var availability = Slots(rawSlots, errors);
        if (errors.Count > 0)
        {
            throw new ApiProblemException(ApiProblem.Validation(errors));
        }

        return new MemberDetails(name!, phone!, new Location(places.CommunityId, grid!, building!), skills, availability);
    }

    private static ImmutableHashSet<ServiceCategory> Skills(IReadOnlyList<string?>? names, Dictionary<string, string[]> errors)
    {
        var skills = ImmutableHashSet.CreateBuilder<ServiceCategory>();
        foreach (var name in names ?? [])
        {
            // Exact names only: no numbers, no comma-joined flags, no other casing.
            if (Enum.GetNames<ServiceCategory>().Contains(name, StringComparer.Ordinal))
            {
                skills.Add(Enum.Parse<ServiceCategory>(name!));
            }
            else
            {
                errors["skills"] = [$"服务类别只能从菜单中选择。 Choose from: {EnumNames.List<ServiceCategory>()}."];
                return [];
            }
        }

        if (skills.Count == 0)
        {
            errors["skills"] = [$"请至少选择一项服务。 Choose at least one of: {EnumNames.List<ServiceCategory>()}."];
        }

        return skills.ToImmutable();
    }

    private static Availability Slots(IReadOnlyList<SlotRequest?>? slots, Dictionary<string, string[]> errors)
    {
        if (slots is null || slots.Count == 0)
        {
            return Availability.AnyTime;
        }

        if (slots.Count > MaxSlots)
        {
            errors["availability"] = [$"最多 {MaxSlots} 个时段。 At most {MaxSlots} weekly slots."];
            return Availability.AnyTime;
        }

        var list = ImmutableArray.CreateBuilder<WeeklySlot>();
        foreach (var slot in slots)
        {
            if (slot is null
                || !Enum.GetNames<DayOfWeek>().Contains(slot.Day, StringComparer.Ordinal)
                || slot.FromHour is not (>= 0 and < 24) || slot.ToHour is not (> 0 and <= 24) || slot.FromHour >= slot.ToHour)
            {
                errors["availability"] = ["每个时段为星期几和 0–24 点之间的起止时间。 Each slot is a day (Monday…Sunday) and hours 0–24, from before to."];
                return Availability.AnyTime;
            }

            list.Add(new WeeklySlot(Enum.Parse<DayOfWeek>(slot.Day!), slot.FromHour.Value, slot.ToHour.Value));
        }

        return new Availability([.. list.Distinct()]);
    }

    private static ApiProblemException Missing() =>
        new(ApiProblem.Validation(new Dictionary<string, string[]> { ["body"] = ["请填写表单。 The form is missing."] }));
}

using System.ComponentModel.DataAnnotations;

namespace Dispatch.App.Retention;

/// <summary>Section "Dispatch": how long residents' personal data is kept after an order closes.</summary>
public sealed class RetentionOptions
{
    [Range(1, 3650)]
    public int PersonalDataRetentionDays { get; set; } = 180;
}

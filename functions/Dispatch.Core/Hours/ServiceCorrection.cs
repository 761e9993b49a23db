namespace Dispatch.Core.Hours;

/// <summary>Records are never edited: an organizer's correction becomes a new record carrying the
/// difference in half-hours and the reason, pointing at the record it corrects.</summary>
public static class ServiceCorrection
{
    public const int MaxReasonLength = 200;

    /// <exception cref="InvalidCorrectionException">No reason, no change, or a result outside 0–12 hours.</exception>
    public static ServiceRecord Correct(
        ServiceRecord original,
        IReadOnlyCollection<ServiceRecord> earlierCorrections,
        int correctedHalfHours,
        string reason,
        DateTimeOffset now)
    {
        if (original.IsCorrection)
        {
            throw new InvalidCorrectionException("Correct the original record, not a correction.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw new InvalidCorrectionException($"A reason of 1–{MaxReasonLength} characters is required.");
        }

        if (correctedHalfHours is < 0 or > ServiceHours.MaxHalfHours)
        {
            throw new InvalidCorrectionException("Corrected hours must be between 0 and 12.");
        }

        var net = original.HalfHours + earlierCorrections.Sum(c => c.HalfHours);
        var delta = correctedHalfHours - net;
        if (delta == 0)
        {
            throw new InvalidCorrectionException("The corrected hours equal the recorded hours.");
        }

        return original with
        {
            RecordId = $"{original.RecordId}~c{earlierCorrections.Count + 1}",
            HalfHours = delta,
            ConfirmedAt = now,
            ConfirmedBy = ConfirmedBy.Organizer,
            Rating = null,
            CorrectsRecordId = original.RecordId,
            Reason = reason.Trim(),
        };
    }
}

public sealed class InvalidCorrectionException(string message) : InvalidOperationException(message);

using CsCheck;
using Dispatch.Core.Hours;
using Dispatch.Core.Posts;
using Dispatch.Core.Tallies;

namespace Dispatch.Core.Tests.Tallies;

/// <summary>The running tally rows (one <see cref="TallyCounts.Add(ServiceRecord)"/> per entry as it is
/// written, credited once per entry) must always equal a recomputation from the raw entries.</summary>
public class TallyLawsTests
{
    private static readonly string[] Members = ["m1", "m2", "m3"];
    private static readonly string[] Communities = ["c1", "c2"];

    private static readonly DateOnly[] Dates =
        [new(2025, 12, 31), new(2026, 1, 1), new(2026, 6, 15), new(2026, 12, 31), new(2027, 1, 1)];

    /// <summary>Kind 0–2 add a record, 3 corrects one, 4 claims a post. Record ids repeat on purpose.</summary>
    private static readonly Gen<(int Kind, int Id, int Member, int Community, int Date, int HalfHours, bool Wish, int Rating)> GenOp =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 4], Gen.Int[0, 24], Gen.Bool, Gen.Int[0, 5]);

    [Fact]
    public void Incremental_tallies_equal_a_recomputation_from_the_stored_entries()
    {
        GenOp.Array[0, 80].Sample(ops =>
        {
            var (incremental, records, claims) = Simulate(ops);
            foreach (var year in new[] { 2025, 2026, 2027 })
            {
                var recomputed = TallyCalculator.FromRecords(records, claims, year, PointsRules.Default)
                    .ToDictionary(t => (t.CommunityId, t.MemberId), t => t.Counts);
                var running = incremental.Where(kv => kv.Key.Year == year)
                    .ToDictionary(kv => (kv.Key.Community, kv.Key.Member), kv => kv.Value);
                Assert.Equal(running.OrderBy(k => k.Key), recomputed.OrderBy(k => k.Key));
            }
        }, iter: 2000);
    }

    [Fact]
    public void Recomputation_does_not_depend_on_the_order_entries_are_read_in()
    {
        Gen.Select(GenOp.Array[0, 60], Gen.Int).Sample((ops, seed) =>
        {
            var (_, records, claims) = Simulate(ops);
            var shuffled = records.OrderBy(_ => Random.Shared.Next()).ToList();
            Assert.Equal(
                TallyCalculator.FromRecords(records, claims, 2026, PointsRules.Default),
                TallyCalculator.FromRecords(shuffled, claims.AsEnumerable().Reverse(), 2026, PointsRules.Default));
        }, iter: 500);
    }

    /// <summary>What the store does: each entry credited once in its member-year partition.</summary>
    private static (Dictionary<(string Community, int Year, string Member), TallyCounts> Running, List<ServiceRecord> Records, List<PostClaim> Claims)
        Simulate((int Kind, int Id, int Member, int Community, int Date, int HalfHours, bool Wish, int Rating)[] ops)
    {
        var running = new Dictionary<(string, int, string), TallyCounts>();
        var credited = new HashSet<(string, int, string, string)>();
        var records = new List<ServiceRecord>();
        var claims = new List<PostClaim>();
        foreach (var op in ops)
        {
            var member = Members[op.Member];
            var community = Communities[op.Community];
            switch (op.Kind)
            {
                case <= 2:
                    var record = TallyFixtures.Record(
                        $"o{op.Id}", member, Dates[op.Date], Math.Max(1, op.HalfHours), op.Wish, op.Rating == 0 ? null : op.Rating, community);
                    Credit(record.Location.CommunityId, record.ServedOn.Year, record.MemberId, EntryKeyOf(record), c => c.Add(record), () => records.Add(record));
                    break;
                case 3:
                    var originals = records.Where(r => !r.IsCorrection).ToList();
                    if (originals.Count == 0)
                    {
                        break;
                    }

                    var original = originals[op.Id % originals.Count];
                    var earlier = records.Where(r => r.CorrectsRecordId == original.RecordId && r.MemberId == original.MemberId
                        && r.Location.CommunityId == original.Location.CommunityId).ToList();
                    try
                    {
                        var correction = ServiceCorrection.Correct(original, earlier, op.HalfHours, "核实后更正", TallyFixtures.T0);
                        Credit(correction.Location.CommunityId, correction.ServedOn.Year, correction.MemberId, EntryKeyOf(correction),
                            c => c.Add(correction), () => records.Add(correction));
                    }
                    catch (InvalidCorrectionException)
                    {
                        // Same hours as recorded: nothing to correct.
                    }

                    break;
                default:
                    var claim = TallyFixtures.Claim($"p{op.Id % 3}", member, 2025 + (op.Id % 3), community);
                    Credit(claim.CommunityId, claim.Year, claim.MemberId, "p|" + claim.PostId, c => c.AddClaim(claim), () => claims.Add(claim));
                    break;
            }
        }

        return (running, records, claims);

        void Credit(string community, int year, string member, string key, Func<TallyCounts, TallyCounts> add, Action store)
        {
            if (credited.Add((community, year, member, key)))
            {
                running[(community, year, member)] = add(running.GetValueOrDefault((community, year, member)) ?? TallyCounts.Zero);
                store();
            }
        }
    }

    private static string EntryKeyOf(ServiceRecord r) => "r|" + r.RecordId;
}

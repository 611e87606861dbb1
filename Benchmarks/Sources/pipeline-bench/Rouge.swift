/// ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin 2004) as `../shared/tools/eval-summary` computes them:
/// lower-cased Unicode `\w+` tokens, no stemming, clipped n-gram counts, and ROUGE-L as the longest
/// common subsequence over the whole summary. Written apart from the summarizer's own tokenizer so
/// that the yardstick does not share the code it measures.
struct Rouge: Equatable {
    var rouge1: Double
    var rouge2: Double
    var rougeL: Double

    static let zero = Rouge(rouge1: 0, rouge2: 0, rougeL: 0)

    /// Scores a candidate summary against a reference, each ×100.
    init(candidate: String, reference: String) {
        let candidateTokens = Self.tokens(candidate)
        let referenceTokens = Self.tokens(reference)
        rouge1 = 100 * Self.nGramF1(candidateTokens, referenceTokens, n: 1)
        rouge2 = 100 * Self.nGramF1(candidateTokens, referenceTokens, n: 2)
        let lcs = Self.longestCommonSubsequence(candidateTokens, referenceTokens)
        rougeL = 100 * Self.f1(overlap: lcs, candidate: candidateTokens.count, reference: referenceTokens.count)
    }

    init(rouge1: Double, rouge2: Double, rougeL: Double) {
        self.rouge1 = rouge1
        self.rouge2 = rouge2
        self.rougeL = rougeL
    }

    static func + (lhs: Rouge, rhs: Rouge) -> Rouge {
        Rouge(rouge1: lhs.rouge1 + rhs.rouge1, rouge2: lhs.rouge2 + rhs.rouge2, rougeL: lhs.rougeL + rhs.rougeL)
    }

    static func / (lhs: Rouge, rhs: Double) -> Rouge {
        Rouge(rouge1: lhs.rouge1 / rhs, rouge2: lhs.rouge2 / rhs, rougeL: lhs.rougeL / rhs)
    }

    /// Python's `re.findall(r"\w+", text.lower())`: runs of letters, digits and underscores.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if isWord(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func nGramF1(_ candidate: [String], _ reference: [String], n: Int) -> Double {
        let candidateCounts = nGrams(candidate, n)
        let referenceCounts = nGrams(reference, n)
        let overlap = candidateCounts.reduce(0) { $0 + min($1.value, referenceCounts[$1.key] ?? 0) }
        return f1(overlap: overlap, candidate: max(candidate.count - n + 1, 0), reference: max(reference.count - n + 1, 0))
    }

    private static func nGrams(_ tokens: [String], _ n: Int) -> [[String]: Int] {
        var counts: [[String]: Int] = [:]
        guard tokens.count >= n else { return counts }
        for start in 0...(tokens.count - n) { counts[Array(tokens[start..<start + n]), default: 0] += 1 }
        return counts
    }

    private static func f1(overlap: Int, candidate: Int, reference: Int) -> Double {
        guard overlap > 0, candidate > 0, reference > 0 else { return 0 }
        let precision = Double(overlap) / Double(candidate)
        let recall = Double(overlap) / Double(reference)
        return 2 * precision * recall / (precision + recall)
    }

    private static func longestCommonSubsequence(_ first: [String], _ second: [String]) -> Int {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: second.count + 1)
        var current = previous
        for token in first {
            for (index, other) in second.enumerated() {
                current[index + 1] = token == other ? previous[index] + 1 : max(previous[index + 1], current[index])
            }
            swap(&previous, &current)
        }
        return previous[second.count]
    }
}

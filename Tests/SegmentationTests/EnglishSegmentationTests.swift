import Testing
@testable import Segmentation

/// English cases written for this project: the rules en-de pipelines use.
struct EnglishSegmentationTests {
    static let cases: [SegmentationCase] = [
        SegmentationCase("Mr. Smith went to Washington. He met the president.", ["Mr. Smith went to Washington.", "He met the president."]),
        SegmentationCase("The U.S. economy grew by 2.5 percent. Analysts were surprised.", ["The U.S. economy grew by 2.5 percent.", "Analysts were surprised."]),
        SegmentationCase("She moved to the U.S. The move was hard.", ["She moved to the U.S.", "The move was hard."]),
        SegmentationCase("Apple Inc. reported record earnings. Shares rose 5%.", ["Apple Inc. reported record earnings.", "Shares rose 5%."]),
        SegmentationCase("The meeting is at 10 a.m. tomorrow.", ["The meeting is at 10 a.m. tomorrow."]),
        SegmentationCase("The meeting ended at 5 p.m. Then everyone left.", ["The meeting ended at 5 p.m.", "Then everyone left."]),
        SegmentationCase("See Fig. 3 for details. It shows the trend.", ["See Fig. 3 for details.", "It shows the trend."]),
        SegmentationCase("J. K. Rowling wrote the books. They sold millions.", ["J. K. Rowling wrote the books.", "They sold millions."]),
        SegmentationCase("He said, \"I'm done.\" Then he left.", ["He said, \"I'm done.\"", "Then he left."]),
        SegmentationCase("Prices rose, e.g. for energy and food. Wages did not.", ["Prices rose, e.g. for energy and food.", "Wages did not."]),
        SegmentationCase("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        SegmentationCase("I was there. I saw it.", ["I was there.", "I saw it."]),
        SegmentationCase("Dr. Jones works at St. Mary's Hospital.", ["Dr. Jones works at St. Mary's Hospital."]),
        SegmentationCase("The company, founded in Jan. 2010, grew fast.", ["The company, founded in Jan. 2010, grew fast."]),
        SegmentationCase("Call No. 5 for help.", ["Call No. 5 for help."]),
        SegmentationCase("The vote was 52 to 48. The bill passed.", ["The vote was 52 to 48.", "The bill passed."]),
        SegmentationCase("Results are in Table 3. They are preliminary.", ["Results are in Table 3.", "They are preliminary."]),
        SegmentationCase("He earns $3.5 million a year. That is a lot.", ["He earns $3.5 million a year.", "That is a lot."]),
        SegmentationCase("The report (see p. 12) was released on Monday.", ["The report (see p. 12) was released on Monday."]),
        SegmentationCase("It was Ms. Brown's idea. Nobody objected.", ["It was Ms. Brown's idea.", "Nobody objected."]),
        SegmentationCase("They met at 3 p.m. on Friday.", ["They met at 3 p.m. on Friday."]),
        SegmentationCase("Visit www.example.com. It has more details.", ["Visit www.example.com.", "It has more details."]),
        SegmentationCase("The firm, Smith & Co. Ltd., was sold.", ["The firm, Smith & Co. Ltd., was sold."]),
        SegmentationCase("\"Why?\" she asked. Nobody knew.", ["\"Why?\" she asked.", "Nobody knew."]),
        SegmentationCase("President John F. Kennedy visited Berlin in 1963. His speech is famous.", ["President John F. Kennedy visited Berlin in 1963.", "His speech is famous."]),
        SegmentationCase("Gen. Smith arrived. Troops cheered.", ["Gen. Smith arrived.", "Troops cheered."]),
        SegmentationCase("Headline Here\nThe story starts. It goes on.", ["Headline Here", "The story starts.", "It goes on."]),
        SegmentationCase("The U.N. Security Council met on Tuesday.", ["The U.N. Security Council met on Tuesday."]),
    ]

    @Test("Abbreviations, initials, numbers, quotes, headlines", arguments: cases)
    func english(_ example: SegmentationCase) throws {
        try example.check(language: "en")
    }
}

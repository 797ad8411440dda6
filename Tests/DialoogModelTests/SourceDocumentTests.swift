import Foundation
import Testing
@testable import DialoogModel

/// The two reports read part by part in the Bronnen section.
@Suite struct SourceDocumentTests {
    @Test func bothReportsLoadPartByPart() throws {
        #expect(sampleDataset.documents.map(\.title) == ["Jaarverslag pilot 2023", "PTvT jaarverslag 2021", "Techniekpact 2018", "SEO-evaluatie 2020"])
        let report = sampleDataset.documents[0]
        #expect(report.parts.count == 15 && report.parts.filter { $0.level == 0 }.map(\.title)
            == ["Titelpagina en inhoud", "1 Inleiding", "2 Reflectie op resultaten", "3 Reflectie op uitgangspunten", "4 Voortschrijdend inzicht",
                "5 Conclusie en vervolg 2024", "Bijlage 1 Tabel resultaten permanente dialoog"])
        // The title page, the contents with their page numbers and Bijlage 1's introduction, as printed (000:3-20, 214).
        #expect(report.parts[0].blocks.map(\.text) == ["Jaarverslag pilot HTNO 2023", "Frank Kresin, voorzitter Sac HTNO", "Janette Bezemer, interim secretaris",
                                                       "Portefeuillehouder VH-bestuur: Joep Houterman", "Vereniging Hogescholen", "Inhoud",
                                                       "1 Inleiding, blz. 2", "2 Reflectie op resultaten, blz. 3", "3 Reflectie op uitgangspunten, blz. 6",
                                                       "4 Voortschrijdend inzicht, blz. 8", "5 Conclusie en vervolg 2024, blz. 10"])
        #expect(report.parts.last?.blocks.first?.text.hasPrefix("Met de inzet van de pilot beoogt het sac htno te komen tot een structureel gesprek") == true)
        let ptvt = sampleDataset.documents[1]
        #expect(ptvt.parts.count == 27)
        #expect(ptvt.parts.reduce(0) { $0 + $1.programmeCount } == 37 && ptvt.parts.reduce(0) { $0 + $1.figureCount } == 111)
        let ids = sampleDataset.documents.flatMap { $0.parts.map(\.id) }
        #expect(Set(ids).count == ids.count)
        let bereik = try #require(ptvt.parts.first { $0.id == "ptvt-2021-bereik" })
        #expect(bereik.blocks.contains(.figure(value: "Meer dan 1.950", unit: "scholen", words: "Meer dan 1.950 scholen")))
    }

    /// The main texts of 2018 (goal by goal under the headings as printed) and the SEO evaluation 2020 (chapter and
    /// section), and where each leaves words to another file.
    @Test func theMainTextsOf2018And2020() throws {
        let report2018 = sampleDataset.documents[2]
        #expect(report2018.parts.count == 13 && report2018.parts[0].title == "Inleiding")
        #expect(report2018.parts[6].title == "Doel 6: PROFESSIONALISERING VAN DOCENTEN EN MEER DOCENTEN MET EEN EDUCATIEVE MASTER IN HET VOORTGEZET ONDERWIS")
        #expect(report2018.parts[1].blocks.contains(.note("Voorbeelden uit de regio bij doel 1: staat in de sectie Voorbeelden")))
        let seo = sampleDataset.documents[3]
        #expect(seo.parts.filter { $0.level == 0 }.count == 12 && seo.parts.filter { $0.level == 1 }.map { $0.title.split(separator: " ")[0] }
            == ["2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "4.2", "4.3", "Bijlage", "Bijlage"])
        #expect(seo.parts.flatMap(\.blocks).contains(.note("Box 2.1 Regionale interventies Kiezen voor Techniek: staat in de sectie Regio's")))
    }

    /// A block is one kind; a broken one names its place and what is allowed.
    @Test func aSourceTextBlockOfTwoKindsIsRefused() throws {
        let data = try BrokenData()
        try data.edit("techniekpact-voortgang-2018.yaml") {
            $0.replacingOccurrences(of: "{\"heading\": \"HIGHLIGHTS\"}", with: "{\"heading\": \"HIGHLIGHTS\", \"note\": \"x\"}")
        }
        let message = try #require(data.loadError()).description
        #expect(message.contains("techniekpact-voortgang-2018.yaml") && message.contains("parts[0].blocks[2]")
                && message.contains("precies één van paragraph, heading, item, note of elsewhere (hier: heading, note)"), "\(message)")
    }

    @Test func anElsewhereNamesADataFile() throws {
        let data = try BrokenData()
        try data.edit("seo-evaluatie-2020.yaml") { $0.replacingOccurrences(of: "\"file\": \"regions.yaml\"", with: "\"file\": \"regio.yaml\"") }
        let message = try #require(data.loadError()).description
        #expect(message.contains("seo-evaluatie-2020.yaml") && message.contains(".file: geen databestand 'regio.yaml' (bekend: pilot-goals.yaml"), "\(message)")
    }

    @Test func chapterPartsKeepListsCaptionsFootnotesAndTheNextMiddag() throws {
        let parts = sampleDataset.documents[0].parts
        let macro = try #require(parts.first { $0.id == "h4-macrodoelmatigheid" })
        #expect(macro.place == "Hoofdstuk 4 › Macrodoelmatigheid")
        #expect(macro.blocks.filter { if case .note(let text) = $0 { text.hasPrefix("Figuur ") } else { false } }.count == 3)
        let uitgangspunten = try #require(parts.first { $0.id == "h1-uitgangspunten-van-de-pilot" })
        #expect(uitgangspunten.blocks.contains(.item("Draagvlak op alle niveaus.", level: 0)))
        #expect(uitgangspunten.blocks.contains { if case .item(let text, 1) = $0 { text.hasPrefix("3. Cross-sectoraal werken") } else { false } })
        let conclusion = try #require(parts.first { $0.id == "h5-conclusie-en-vervolg-2024" })
        #expect(conclusion.blocks.last == .note("Volgende htno-middag: januari 2024, thema de organisatie van praktijkgericht onderzoek. "
                                                + "Hoe richt je dit in wanneer je werkt in coalities uit onderwijs en werkveld."))
        let reflections = try #require(parts.first { $0.id == "h3-reflectie-op-uitgangspunten" })
        #expect(reflections.blocks.filter { if case .heading = $0 { true } else { false } }.count == 5)
    }

    @Test func markupBecomesWords() {
        #expect(SourceMarkup.plain("Zie [Webinars](#) en *cursief* of **vet**") == "Zie Webinars en cursief of vet")
        #expect(SourceMarkup.plain("<i>Digital Education Action Plan 2021-2027</i>") == "Digital Education Action Plan 2021-2027")
        #expect(SourceMarkup.plain("via <https://www.techniekpact.nl>") == "via https://www.techniekpact.nl")
        #expect(SourceMarkup.plain("3 * 4 = 12") == "3 * 4 = 12", "a lone asterisk stays")
        let texts = sampleDataset.documents.flatMap { $0.parts.flatMap(\.texts) }
        #expect(!texts.contains { $0.contains("](#)") || $0.contains("<i>") || $0.contains("**") })
    }

    /// The plain scan does what the patterns say, on every string of the PTvT file and on random mixes.
    @Test func thePlainScanAgreesWithThePatterns() throws {
        func reference(_ text: String) -> String {
            text.replacing(/\[([^\]]*)\]\([^)]*\)/) { String($0.output.1) }
                .replacing(/<(https?:[^>\s]+)>/) { String($0.output.1) }
                .replacing(/<\/?i>/, with: "")
                .replacing(/\*\*?([^*]+)\*\*?/) { String($0.output.1) }
        }
        let file = try String(contentsOf: sampleDataURL.appendingPathComponent("ptvt-jaarverslag-2021.yaml"), encoding: .utf8)
        let quoted = file.split(separator: "\n").flatMap { $0.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) } }
        #expect(quoted.count > 500)
        var generator = SystemRandomNumberGenerator()
        let pieces = ["[", "]", "(", ")", "*", "**", "<i>", "</i>", "<https://x.nl>", "<http ", ">", "a", " ", "#", "é"]
        let random = (0..<2000).map { _ in (0..<8).map { _ in pieces.randomElement(using: &generator)! }.joined() }
        for text in quoted + random {
            #expect(SourceMarkup.plain(text) == reference(text), "\(text)")
        }
    }

    @Test(arguments: [
        ("id: ptvt-2021-career-days", "id: ptvt-2021-vakkanjers", "sections", "dubbele id 'ptvt-2021-vakkanjers'"),
        ("- { title: \"Career Days\", page: \"8\", level: 3 }", "- { title: \"Career Days\", page: \"8\", level: 4 }",
         "sections[1].entries[10].level", "niveau 4; verwacht 1, 2 of 3"),
        ("- [\"2020\", \"<i>Digital Education Action Plan 2021-2027</i>\", \"Digitale vaardigheden, deelname vrouwen in ICT\"]",
         "- [\"2020\", \"<i>Digital Education Action Plan 2021-2027</i>\"]", "table.rows[1]", "2 cellen voor 3 kolommen"),
        ("value: \"2.095\"", "value: \" \"", ".figures", "lege tekst"),
        ("title: \"Bereik van PTvT in 2021\"", "titel: \"Bereik van PTvT in 2021\"", "sections[9]", "title"),
    ])
    func aBrokenReportIsOneLine(original: String, broken: String, path: String, message: String) throws {
        let data = try BrokenData()
        var replaced = false
        try data.edit("ptvt-jaarverslag-2021.yaml") { text in
            replaced = text.contains(original)
            return text.replacingOccurrences(of: original, with: broken)
        }
        #expect(replaced, "the sample has \(original)")
        let error = try #require(data.loadError())
        #expect(error.file.hasSuffix("ptvt-jaarverslag-2021.yaml") && error.path.contains(path) && error.description.contains(message), "\(error)")
        #expect(!error.description.contains("\n"), "one line")
    }
}

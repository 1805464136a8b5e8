(000) ld       #0x0
(001) ldx      #0x9e3779b1
(002) st       M[1013904226]
(003) stx      M[-626627309]
(004) add      #2027808452
(005) ja       387276923
(006) ret      #-1253254618
(007) tax      
(008) unimp    0x8
(009) unimp    0x9
(010) unimp    0xa
(011) unimp    0xb
(012) add      x
(013) unimp    0xd
(014) unimp    0xe
(015) unimp    0xf
(016) unimp    0x10
(017) unimp    0x11
(018) unimp    0x12
(019) unimp    0x13
(020) sub      #1549107668
(021) jeq      #0xfa8cfb85      jt 43	jf 32
(022) ret      
(023) unimp    0x17
(024) unimp    0x18
(025) unimp    0x19
(026) unimp    0x1a
(027) unimp    0x1b
(028) sub      x
(029) jeq      x                jt 59	jf 44
(030) unimp    0x1e
(031) unimp    0x1f
(032) ld       [-957401568]
(033) unimp    0x21
(034) unimp    0x22
(035) unimp    0x23
(036) mul      #1070406884
(037) jgt      #0xde049695      jt 75	jf 56
(038) unimp    0x26
(039) unimp    0x27
(040) ldh      [-1196751960]
(041) unimp    0x29
(042) unimp    0x2a
(043) unimp    0x2b
(044) mul      x
(045) jgt      x                jt 91	jf 68
(046) unimp    0x2e
(047) unimp    0x2f
(048) ldb      [-1436102352]
(049) unimp    0x31
(050) unimp    0x32
(051) unimp    0x33
(052) div      #591706100
(053) jge      #0xc17c31a5      jt 107	jf 80
(054) unimp    0x36
(055) unimp    0x37
(056) unimp    0x38
(057) unimp    0x39
(058) unimp    0x3a
(059) unimp    0x3b
(060) div      x
(061) jge      x                jt 123	jf 92
(062) unimp    0x3e
(063) unimp    0x3f
(064) ld       [x + -1914803136]
(065) unimp    0x41
(066) unimp    0x42
(067) unimp    0x43
(068) or       #0x6bc5304
(069) jset     #0xa4f3ccb5      jt 139	jf 104
(070) unimp    0x46
(071) unimp    0x47
(072) ldh      [x + 2140813768]
(073) unimp    0x49
(074) unimp    0x4a
(075) unimp    0x4b
(076) or       x
(077) jset     x                jt 155	jf 116
(078) unimp    0x4e
(079) unimp    0x4f
(080) ldb      [x + 1901463376]
(081) unimp    0x51
(082) unimp    0x52
(083) unimp    0x53
(084) and      #0xea33ee14
(085) unimp    0x55             jt 171	jf 128
(086) unimp    0x56
(087) unimp    0x57
(088) unimp    0x58
(089) unimp    0x59
(090) unimp    0x5a
(091) unimp    0x5b
(092) and      x
(093) unimp    0x5d             jt 187	jf 140
(094) unimp    0x5e
(095) unimp    0x5f
(096) ld       M[1422762592]
(097) ldx      M[-217768943]
(098) unimp    0x62
(099) unimp    0x63
(100) lsh      #-844396252
(101) unimp    0x65             jt 203	jf 152
(102) unimp    0x66
(103) unimp    0x67
(104) unimp    0x68
(105) unimp    0x69
(106) unimp    0x6a
(107) unimp    0x6b
(108) lsh      x
(109) unimp    0x6d             jt 219	jf 164
(110) unimp    0x6e
(111) unimp    0x6f
(112) unimp    0x70
(113) unimp    0x71
(114) unimp    0x72
(115) unimp    0x73
(116) rsh      #-1323097036
(117) unimp    0x75             jt 235	jf 176
(118) unimp    0x76
(119) unimp    0x77
(120) unimp    0x78
(121) unimp    0x79
(122) unimp    0x7a
(123) unimp    0x7b
(124) rsh      x
(125) unimp    0x7d             jt 251	jf 188
(126) unimp    0x7e
(127) unimp    0x7f
(128) ld       #pktlen
(129) unimp    0x81
(130) unimp    0x82
(131) unimp    0x83
(132) neg      
(133) unimp    0x85             jt 267	jf 200
(134) unimp    0x86
(135) txa      
(136) unimp    0x88
(137) unimp    0x89
(138) unimp    0x8a
(139) unimp    0x8b
(140) unimp    0x8c
(141) unimp    0x8d             jt 283	jf 212
(142) unimp    0x8e
(143) unimp    0x8f
(144) unimp    0x90
(145) unimp    0x91
(146) unimp    0x92
(147) unimp    0x93
(148) mod      #2014468692
(149) unimp    0x95             jt 299	jf 224
(150) unimp    0x96
(151) unimp    0x97
(152) unimp    0x98
(153) unimp    0x99
(154) unimp    0x9a
(155) unimp    0x9b
(156) mod      x
(157) unimp    0x9d             jt 315	jf 236
(158) unimp    0x9e
(159) unimp    0x9f
(160) unimp    0xa0
(161) unimp    0xa1
(162) unimp    0xa2
(163) unimp    0xa3
(164) xor      #0x5b89f564
(165) unimp    0xa5             jt 331	jf 248
(166) unimp    0xa6
(167) unimp    0xa7
(168) unimp    0xa8
(169) unimp    0xa9
(170) unimp    0xaa
(171) unimp    0xab
(172) xor      x
(173) unimp    0xad             jt 347	jf 260
(174) unimp    0xae
(175) unimp    0xaf
(176) unimp    0xb0
(177) ldxb     4*([1683694433]&0xf)
(178) unimp    0xb2
(179) unimp    0xb3
(180) unimp    0xb4
(181) unimp    0xb5             jt 363	jf 272
(182) unimp    0xb6
(183) unimp    0xb7
(184) unimp    0xb8
(185) unimp    0xb9
(186) unimp    0xba
(187) unimp    0xbb
(188) unimp    0xbc
(189) unimp    0xbd             jt 379	jf 284
(190) unimp    0xbe
(191) unimp    0xbf
(192) unimp    0xc0
(193) unimp    0xc1
(194) unimp    0xc2
(195) unimp    0xc3
(196) unimp    0xc4
(197) unimp    0xc5             jt 395	jf 296
(198) unimp    0xc6
(199) unimp    0xc7
(200) unimp    0xc8
(201) unimp    0xc9
(202) unimp    0xca
(203) unimp    0xcb
(204) unimp    0xcc
(205) unimp    0xcd             jt 411	jf 308
(206) unimp    0xce
(207) unimp    0xcf
(208) unimp    0xd0
(209) unimp    0xd1
(210) unimp    0xd2
(211) unimp    0xd3
(212) unimp    0xd4
(213) unimp    0xd5             jt 427	jf 320
(214) unimp    0xd6
(215) unimp    0xd7
(216) unimp    0xd8
(217) unimp    0xd9
(218) unimp    0xda
(219) unimp    0xdb
(220) unimp    0xdc
(221) unimp    0xdd             jt 443	jf 332
(222) unimp    0xde
(223) unimp    0xdf
(224) unimp    0xe0
(225) unimp    0xe1
(226) unimp    0xe2
(227) unimp    0xe3
(228) unimp    0xe4
(229) unimp    0xe5             jt 459	jf 344
(230) unimp    0xe6
(231) unimp    0xe7
(232) unimp    0xe8
(233) unimp    0xe9
(234) unimp    0xea
(235) unimp    0xeb
(236) unimp    0xec
(237) unimp    0xed             jt 475	jf 356
(238) unimp    0xee
(239) unimp    0xef
(240) unimp    0xf0
(241) unimp    0xf1
(242) unimp    0xf2
(243) unimp    0xf3
(244) unimp    0xf4
(245) unimp    0xf5             jt 491	jf 368
(246) unimp    0xf6
(247) unimp    0xf7
(248) unimp    0xf8
(249) unimp    0xf9
(250) unimp    0xfa
(251) unimp    0xfb
(252) unimp    0xfc
(253) unimp    0xfd             jt 507	jf 380
(254) unimp    0xfe
(255) unimp    0xff
(256) unimp    0x100
(257) unimp    0x101
(258) unimp    0x102
(259) unimp    0x103
(260) unimp    0x104
(261) unimp    0x105
(262) unimp    0x106
(263) unimp    0x107
(264) unimp    0x108
(265) unimp    0x109
(266) unimp    0x10a
(267) unimp    0x10b
(268) unimp    0x10c
(269) unimp    0x10d
(270) unimp    0x10e
(271) unimp    0x10f
(272) unimp    0x110
(273) unimp    0x111
(274) unimp    0x112
(275) unimp    0x113
(276) unimp    0x114
(277) unimp    0x115            jt 299	jf 416
(278) unimp    0x116
(279) unimp    0x117
(280) unimp    0x118
(281) unimp    0x119
(282) unimp    0x11a
(283) unimp    0x11b
(284) unimp    0x11c
(285) unimp    0x11d            jt 315	jf 428
(286) unimp    0x11e
(287) unimp    0x11f
(288) unimp    0x120
(289) unimp    0x121
(290) unimp    0x122
(291) unimp    0x123
(292) unimp    0x124
(293) unimp    0x125            jt 331	jf 440
(294) unimp    0x126
(295) unimp    0x127
(296) unimp    0x128
(297) unimp    0x129
(298) unimp    0x12a
(299) unimp    0x12b
(300) unimp    0x12c
(301) unimp    0x12d            jt 347	jf 452
(302) unimp    0x12e
(303) unimp    0x12f
(304) unimp    0x130
(305) unimp    0x131
(306) unimp    0x132
(307) unimp    0x133
(308) unimp    0x134
(309) unimp    0x135            jt 363	jf 464
(310) unimp    0x136
(311) unimp    0x137
(312) unimp    0x138
(313) unimp    0x139
(314) unimp    0x13a
(315) unimp    0x13b
(316) unimp    0x13c
(317) unimp    0x13d            jt 379	jf 476
(318) unimp    0x13e
(319) unimp    0x13f
(320) unimp    0x140
(321) unimp    0x141
(322) unimp    0x142
(323) unimp    0x143
(324) unimp    0x144
(325) unimp    0x145            jt 395	jf 488
(326) unimp    0x146
(327) unimp    0x147
(328) unimp    0x148
(329) unimp    0x149
(330) unimp    0x14a
(331) unimp    0x14b
(332) unimp    0x14c
(333) unimp    0x14d            jt 411	jf 500
(334) unimp    0x14e
(335) unimp    0x14f
(336) unimp    0x150
(337) unimp    0x151
(338) unimp    0x152
(339) unimp    0x153
(340) unimp    0x154
(341) unimp    0x155            jt 427	jf 512
(342) unimp    0x156
(343) unimp    0x157
(344) unimp    0x158
(345) unimp    0x159
(346) unimp    0x15a
(347) unimp    0x15b
(348) unimp    0x15c
(349) unimp    0x15d            jt 443	jf 524
(350) unimp    0x15e
(351) unimp    0x15f
(352) unimp    0x160
(353) unimp    0x161
(354) unimp    0x162
(355) unimp    0x163
(356) unimp    0x164
(357) unimp    0x165            jt 459	jf 536
(358) unimp    0x166
(359) unimp    0x167
(360) unimp    0x168
(361) unimp    0x169
(362) unimp    0x16a
(363) unimp    0x16b
(364) unimp    0x16c
(365) unimp    0x16d            jt 475	jf 548
(366) unimp    0x16e
(367) unimp    0x16f
(368) unimp    0x170
(369) unimp    0x171
(370) unimp    0x172
(371) unimp    0x173
(372) unimp    0x174
(373) unimp    0x175            jt 491	jf 560
(374) unimp    0x176
(375) unimp    0x177
(376) unimp    0x178
(377) unimp    0x179
(378) unimp    0x17a
(379) unimp    0x17b
(380) unimp    0x17c
(381) unimp    0x17d            jt 507	jf 572
(382) unimp    0x17e
(383) unimp    0x17f
(384) unimp    0x180
(385) unimp    0x181
(386) unimp    0x182
(387) unimp    0x183
(388) unimp    0x184
(389) unimp    0x185            jt 523	jf 584
(390) unimp    0x186
(391) unimp    0x187
(392) unimp    0x188
(393) unimp    0x189
(394) unimp    0x18a
(395) unimp    0x18b
(396) unimp    0x18c
(397) unimp    0x18d            jt 539	jf 596
(398) unimp    0x18e
(399) unimp    0x18f
(400) unimp    0x190
(401) unimp    0x191
(402) unimp    0x192
(403) unimp    0x193
(404) unimp    0x194
(405) unimp    0x195            jt 555	jf 608
(406) unimp    0x196
(407) unimp    0x197
(408) unimp    0x198
(409) unimp    0x199
(410) unimp    0x19a
(411) unimp    0x19b
(412) unimp    0x19c
(413) unimp    0x19d            jt 571	jf 620
(414) unimp    0x19e
(415) unimp    0x19f
(416) unimp    0x1a0
(417) unimp    0x1a1
(418) unimp    0x1a2
(419) unimp    0x1a3
(420) unimp    0x1a4
(421) unimp    0x1a5            jt 587	jf 632
(422) unimp    0x1a6
(423) unimp    0x1a7
(424) unimp    0x1a8
(425) unimp    0x1a9
(426) unimp    0x1aa
(427) unimp    0x1ab
(428) unimp    0x1ac
(429) unimp    0x1ad            jt 603	jf 644
(430) unimp    0x1ae
(431) unimp    0x1af
(432) unimp    0x1b0
(433) unimp    0x1b1
(434) unimp    0x1b2
(435) unimp    0x1b3
(436) unimp    0x1b4
(437) unimp    0x1b5            jt 619	jf 656
(438) unimp    0x1b6
(439) unimp    0x1b7
(440) unimp    0x1b8
(441) unimp    0x1b9
(442) unimp    0x1ba
(443) unimp    0x1bb
(444) unimp    0x1bc
(445) unimp    0x1bd            jt 635	jf 668
(446) unimp    0x1be
(447) unimp    0x1bf
(448) unimp    0x1c0
(449) unimp    0x1c1
(450) unimp    0x1c2
(451) unimp    0x1c3
(452) unimp    0x1c4
(453) unimp    0x1c5            jt 651	jf 680
(454) unimp    0x1c6
(455) unimp    0x1c7
(456) unimp    0x1c8
(457) unimp    0x1c9
(458) unimp    0x1ca
(459) unimp    0x1cb
(460) unimp    0x1cc
(461) unimp    0x1cd            jt 667	jf 692
(462) unimp    0x1ce
(463) unimp    0x1cf
(464) unimp    0x1d0
(465) unimp    0x1d1
(466) unimp    0x1d2
(467) unimp    0x1d3
(468) unimp    0x1d4
(469) unimp    0x1d5            jt 683	jf 704
(470) unimp    0x1d6
(471) unimp    0x1d7
(472) unimp    0x1d8
(473) unimp    0x1d9
(474) unimp    0x1da
(475) unimp    0x1db
(476) unimp    0x1dc
(477) unimp    0x1dd            jt 699	jf 716
(478) unimp    0x1de
(479) unimp    0x1df
(480) unimp    0x1e0
(481) unimp    0x1e1
(482) unimp    0x1e2
(483) unimp    0x1e3
(484) unimp    0x1e4
(485) unimp    0x1e5            jt 715	jf 728
(486) unimp    0x1e6
(487) unimp    0x1e7
(488) unimp    0x1e8
(489) unimp    0x1e9
(490) unimp    0x1ea
(491) unimp    0x1eb
(492) unimp    0x1ec
(493) unimp    0x1ed            jt 731	jf 740
(494) unimp    0x1ee
(495) unimp    0x1ef
(496) unimp    0x1f0
(497) unimp    0x1f1
(498) unimp    0x1f2
(499) unimp    0x1f3
(500) unimp    0x1f4
(501) unimp    0x1f5            jt 747	jf 752
(502) unimp    0x1f6
(503) unimp    0x1f7
(504) unimp    0x1f8
(505) unimp    0x1f9
(506) unimp    0x1fa
(507) unimp    0x1fb
(508) unimp    0x1fc
(509) unimp    0x1fd            jt 763	jf 764
(510) unimp    0x1fe
(511) unimp    0x1ff
(512) unimp    0x1234
(513) unimp    0x8005
(514) unimp    0x8015           jt 518	jf 519
(515) unimp    0xfff5           jt 519	jf 520
(516) unimp    0xffff
(517) unimp    0xff06

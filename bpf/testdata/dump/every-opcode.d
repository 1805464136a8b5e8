(000) ld       #0x0
(001) ld       #0x1
(002) ld       #0xc
(003) ld       #0x7fffffff
(004) ld       #0x80000000
(005) ld       #0xffffffff
(006) ld       #0xfffff000
(007) ld       #0xdeadbeef
(008) ldx      #0x0
(009) ldx      #0x1
(010) ldx      #0xc
(011) ldx      #0x7fffffff
(012) ldx      #0x80000000
(013) ldx      #0xffffffff
(014) ldx      #0xfffff000
(015) ldx      #0xdeadbeef
(016) st       M[0]
(017) st       M[1]
(018) st       M[12]
(019) st       M[2147483647]
(020) st       M[-2147483648]
(021) st       M[-1]
(022) st       M[-4096]
(023) st       M[-559038737]
(024) stx      M[0]
(025) stx      M[1]
(026) stx      M[12]
(027) stx      M[2147483647]
(028) stx      M[-2147483648]
(029) stx      M[-1]
(030) stx      M[-4096]
(031) stx      M[-559038737]
(032) add      #0
(033) add      #1
(034) add      #12
(035) add      #2147483647
(036) add      #-2147483648
(037) add      #-1
(038) add      #-4096
(039) add      #-559038737
(040) ja       41
(041) ja       43
(042) ja       55
(043) ja       -2147483605
(044) ja       -2147483603
(045) ja       45
(046) ja       -4049
(047) ja       -559038689
(048) ret      #0
(049) ret      #1
(050) ret      #12
(051) ret      #2147483647
(052) ret      #-2147483648
(053) ret      #-1
(054) ret      #-4096
(055) ret      #-559038737
(056) tax      
(057) tax      
(058) tax      
(059) tax      
(060) tax      
(061) tax      
(062) tax      
(063) tax      
(064) add      x
(065) add      x
(066) add      x
(067) add      x
(068) add      x
(069) add      x
(070) add      x
(071) add      x
(072) sub      #0
(073) sub      #1
(074) sub      #12
(075) sub      #2147483647
(076) sub      #-2147483648
(077) sub      #-1
(078) sub      #-4096
(079) sub      #-559038737
(080) jeq      #0x0             jt 151	jf 326
(081) jeq      #0x1             jt 153	jf 326
(082) jeq      #0xc             jt 155	jf 326
(083) jeq      #0x7fffffff      jt 157	jf 326
(084) jeq      #0x80000000      jt 159	jf 326
(085) jeq      #0xffffffff      jt 161	jf 326
(086) jeq      #0xfffff000      jt 163	jf 326
(087) jeq      #0xdeadbeef      jt 165	jf 326
(088) ret      
(089) ret      
(090) ret      
(091) ret      
(092) ret      
(093) ret      
(094) ret      
(095) ret      
(096) sub      x
(097) sub      x
(098) sub      x
(099) sub      x
(100) sub      x
(101) sub      x
(102) sub      x
(103) sub      x
(104) jeq      x                jt 196	jf 347
(105) jeq      x                jt 198	jf 347
(106) jeq      x                jt 200	jf 347
(107) jeq      x                jt 202	jf 347
(108) jeq      x                jt 204	jf 347
(109) jeq      x                jt 206	jf 347
(110) jeq      x                jt 208	jf 347
(111) jeq      x                jt 210	jf 347
(112) ld       [0]
(113) ld       [1]
(114) ld       [12]
(115) ld       [2147483647]
(116) ld       [-2147483648]
(117) ld       [-1]
(118) ld       [proto]
(119) ld       [-559038737]
(120) mul      #0
(121) mul      #1
(122) mul      #12
(123) mul      #2147483647
(124) mul      #-2147483648
(125) mul      #-1
(126) mul      #-4096
(127) mul      #-559038737
(128) jgt      #0x0             jt 241	jf 368
(129) jgt      #0x1             jt 243	jf 368
(130) jgt      #0xc             jt 245	jf 368
(131) jgt      #0x7fffffff      jt 247	jf 368
(132) jgt      #0x80000000      jt 249	jf 368
(133) jgt      #0xffffffff      jt 251	jf 368
(134) jgt      #0xfffff000      jt 253	jf 368
(135) jgt      #0xdeadbeef      jt 255	jf 368
(136) ldh      [0]
(137) ldh      [1]
(138) ldh      [12]
(139) ldh      [2147483647]
(140) ldh      [-2147483648]
(141) ldh      [-1]
(142) ldh      [proto]
(143) ldh      [-559038737]
(144) mul      x
(145) mul      x
(146) mul      x
(147) mul      x
(148) mul      x
(149) mul      x
(150) mul      x
(151) mul      x
(152) jgt      x                jt 286	jf 389
(153) jgt      x                jt 288	jf 389
(154) jgt      x                jt 290	jf 389
(155) jgt      x                jt 292	jf 389
(156) jgt      x                jt 294	jf 389
(157) jgt      x                jt 296	jf 389
(158) jgt      x                jt 298	jf 389
(159) jgt      x                jt 300	jf 389
(160) ldb      [0]
(161) ldb      [1]
(162) ldb      [12]
(163) ldb      [2147483647]
(164) ldb      [-2147483648]
(165) ldb      [-1]
(166) ldb      [proto]
(167) ldb      [-559038737]
(168) div      #0
(169) div      #1
(170) div      #12
(171) div      #2147483647
(172) div      #-2147483648
(173) div      #-1
(174) div      #-4096
(175) div      #-559038737
(176) jge      #0x0             jt 331	jf 410
(177) jge      #0x1             jt 333	jf 410
(178) jge      #0xc             jt 335	jf 410
(179) jge      #0x7fffffff      jt 337	jf 410
(180) jge      #0x80000000      jt 339	jf 410
(181) jge      #0xffffffff      jt 341	jf 410
(182) jge      #0xfffff000      jt 343	jf 410
(183) jge      #0xdeadbeef      jt 345	jf 410
(184) div      x
(185) div      x
(186) div      x
(187) div      x
(188) div      x
(189) div      x
(190) div      x
(191) div      x
(192) jge      x                jt 361	jf 424
(193) jge      x                jt 363	jf 424
(194) jge      x                jt 365	jf 424
(195) jge      x                jt 367	jf 424
(196) jge      x                jt 369	jf 424
(197) jge      x                jt 371	jf 424
(198) jge      x                jt 373	jf 424
(199) jge      x                jt 375	jf 424
(200) ld       [x + 0]
(201) ld       [x + 1]
(202) ld       [x + 12]
(203) ld       [x + 2147483647]
(204) ld       [x + -2147483648]
(205) ld       [x + -1]
(206) ld       [x + -4096]
(207) ld       [x + -559038737]
(208) or       #0x0
(209) or       #0x1
(210) or       #0xc
(211) or       #0x7fffffff
(212) or       #0x80000000
(213) or       #0xffffffff
(214) or       #0xfffff000
(215) or       #0xdeadbeef
(216) jset     #0x0             jt 406	jf 445
(217) jset     #0x1             jt 408	jf 445
(218) jset     #0xc             jt 410	jf 445
(219) jset     #0x7fffffff      jt 412	jf 445
(220) jset     #0x80000000      jt 414	jf 445
(221) jset     #0xffffffff      jt 416	jf 445
(222) jset     #0xfffff000      jt 418	jf 445
(223) jset     #0xdeadbeef      jt 420	jf 445
(224) ldh      [x + 0]
(225) ldh      [x + 1]
(226) ldh      [x + 12]
(227) ldh      [x + 2147483647]
(228) ldh      [x + -2147483648]
(229) ldh      [x + -1]
(230) ldh      [x + -4096]
(231) ldh      [x + -559038737]
(232) or       x
(233) or       x
(234) or       x
(235) or       x
(236) or       x
(237) or       x
(238) or       x
(239) or       x
(240) jset     x                jt 451	jf 466
(241) jset     x                jt 453	jf 466
(242) jset     x                jt 455	jf 466
(243) jset     x                jt 457	jf 466
(244) jset     x                jt 459	jf 466
(245) jset     x                jt 461	jf 466
(246) jset     x                jt 463	jf 466
(247) jset     x                jt 465	jf 466
(248) ldb      [x + 0]
(249) ldb      [x + 1]
(250) ldb      [x + 12]
(251) ldb      [x + 2147483647]
(252) ldb      [x + -2147483648]
(253) ldb      [x + -1]
(254) ldb      [x + -4096]
(255) ldb      [x + -559038737]
(256) and      #0x0
(257) and      #0x1
(258) and      #0xc
(259) and      #0x7fffffff
(260) and      #0x80000000
(261) and      #0xffffffff
(262) and      #0xfffff000
(263) and      #0xdeadbeef
(264) and      x
(265) and      x
(266) and      x
(267) and      x
(268) and      x
(269) and      x
(270) and      x
(271) and      x
(272) ld       M[0]
(273) ld       M[1]
(274) ld       M[12]
(275) ld       M[2147483647]
(276) ld       M[-2147483648]
(277) ld       M[-1]
(278) ld       M[-4096]
(279) ld       M[-559038737]
(280) ldx      M[0]
(281) ldx      M[1]
(282) ldx      M[12]
(283) ldx      M[2147483647]
(284) ldx      M[-2147483648]
(285) ldx      M[-1]
(286) ldx      M[-4096]
(287) ldx      M[-559038737]
(288) lsh      #0
(289) lsh      #1
(290) lsh      #12
(291) lsh      #2147483647
(292) lsh      #-2147483648
(293) lsh      #-1
(294) lsh      #-4096
(295) lsh      #-559038737
(296) lsh      x
(297) lsh      x
(298) lsh      x
(299) lsh      x
(300) lsh      x
(301) lsh      x
(302) lsh      x
(303) lsh      x
(304) rsh      #0
(305) rsh      #1
(306) rsh      #12
(307) rsh      #2147483647
(308) rsh      #-2147483648
(309) rsh      #-1
(310) rsh      #-4096
(311) rsh      #-559038737
(312) rsh      x
(313) rsh      x
(314) rsh      x
(315) rsh      x
(316) rsh      x
(317) rsh      x
(318) rsh      x
(319) rsh      x
(320) ld       #pktlen
(321) ld       #pktlen
(322) ld       #pktlen
(323) ld       #pktlen
(324) ld       #pktlen
(325) ld       #pktlen
(326) ld       #pktlen
(327) ld       #pktlen
(328) unimp    0x81
(329) unimp    0x81
(330) unimp    0x81
(331) unimp    0x81
(332) unimp    0x81
(333) unimp    0x81
(334) unimp    0x81
(335) unimp    0x81
(336) neg      
(337) neg      
(338) neg      
(339) neg      
(340) neg      
(341) neg      
(342) neg      
(343) neg      
(344) txa      
(345) txa      
(346) txa      
(347) txa      
(348) txa      
(349) txa      
(350) txa      
(351) txa      
(352) mod      #0
(353) mod      #1
(354) mod      #12
(355) mod      #2147483647
(356) mod      #-2147483648
(357) mod      #-1
(358) mod      #-4096
(359) mod      #-559038737
(360) mod      x
(361) mod      x
(362) mod      x
(363) mod      x
(364) mod      x
(365) mod      x
(366) mod      x
(367) mod      x
(368) xor      #0x0
(369) xor      #0x1
(370) xor      #0xc
(371) xor      #0x7fffffff
(372) xor      #0x80000000
(373) xor      #0xffffffff
(374) xor      #0xfffff000
(375) xor      #0xdeadbeef
(376) xor      x
(377) xor      x
(378) xor      x
(379) xor      x
(380) xor      x
(381) xor      x
(382) xor      x
(383) xor      x
(384) ldxb     4*([0]&0xf)
(385) ldxb     4*([1]&0xf)
(386) ldxb     4*([12]&0xf)
(387) ldxb     4*([2147483647]&0xf)
(388) ldxb     4*([-2147483648]&0xf)
(389) ldxb     4*([-1]&0xf)
(390) ldxb     4*([-4096]&0xf)
(391) ldxb     4*([-559038737]&0xf)
